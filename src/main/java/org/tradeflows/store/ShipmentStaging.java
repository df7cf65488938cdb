package org.tradeflows.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The loaders' writes of shipments: rows are streamed with COPY into a staging table that lives only in the load's
 * transaction, then moved into {@code shipment} and {@code shipment_intermediary} by INSERT ... SELECT. An instance
 * stages a file's rows (each checked and converted by the upload, at the rate it was checked against); the static
 * {@link #insertGenerated} stages and moves a chunk of the generator's rows.
 */
public final class ShipmentStaging implements AutoCloseable {

    /** One staged row: a file's shipment with its parties resolved to companies and the rates it converts at. */
    public record Row(long line, long sourceId, String sourceRecordRef, Long supplierId, Long recipientId,
            String supplierDeclaredName, String recipientDeclaredName, String supplierCountry, String recipientCountry,
            String originCountry, String destinationCountry, LocalDate periodStart, LocalDate periodEnd, String hsCode,
            String productCode, String description, BigDecimal value, String currency, BigDecimal eurRate,
            BigDecimal usdRate, String valueQualifier, BigDecimal quantity, String quantityUnit, BigDecimal netWeightKg,
            List<Long> intermediaryCompanies, List<String> intermediaryCountries) {
    }

    /** A source reference that repeats one staged on an earlier line of the same file. */
    public record Repeat(long line, String sourceRecordRef, long firstLine) {
    }

    private static final String CREATE_STAGE = """
            create temp table ingest_shipment (
                line bigint not null, source_id bigint not null, source_record_ref text not null,
                supplier_id bigint, recipient_id bigint, supplier_declared_name text, recipient_declared_name text,
                supplier_country text not null, recipient_country text not null, origin_country text,
                destination_country text, period_start date not null, period_end date not null, hs_code text not null,
                product_code text not null, description text, value numeric(20, 2) not null, currency text not null,
                eur_rate numeric not null, usd_rate numeric, value_qualifier text not null, quantity numeric(20, 3),
                quantity_unit text, net_weight_kg numeric(20, 3), intermediary_companies bigint[],
                intermediary_countries text[]
            ) on commit drop""";

    private static final String COPY_STAGE = """
            copy ingest_shipment (line, source_id, source_record_ref, supplier_id, recipient_id, supplier_declared_name,
                recipient_declared_name, supplier_country, recipient_country, origin_country, destination_country,
                period_start, period_end, hs_code, product_code, description, value, currency, eur_rate, usd_rate,
                value_qualifier, quantity, quantity_unit, net_weight_kg, intermediary_companies, intermediary_countries)
            from stdin""";

    /** The money is converted by the rules to_eur and to_usd use (eur_of, usd_of), at the rate each row was checked against. */
    private static final String INSERT_SHIPMENTS = """
            insert into shipment (release_id, source_id, source_record_ref, supplier_id, recipient_id,
                supplier_declared_name, recipient_declared_name, supplier_country, recipient_country, origin_country,
                destination_country, period_start, period_end, hs_code, product_code, description, value, currency,
                value_eur, value_usd, value_qualifier, quantity, quantity_unit, net_weight_kg)
            select ?, source_id, source_record_ref, supplier_id, recipient_id, supplier_declared_name,
                recipient_declared_name, supplier_country, recipient_country, origin_country, destination_country,
                period_start, period_end, hs_code, product_code, description, value, currency,
                eur_of(value, eur_rate), usd_of(value, currency, eur_rate, usd_rate),
                value_qualifier, quantity, quantity_unit, net_weight_kg
            from ingest_shipment
            on conflict (source_id, source_record_ref) do nothing""";

    private static final String INSERT_INTERMEDIARIES = """
            insert into shipment_intermediary (shipment_id, position, company_id, country_code)
            select sh.id, i.position, i.company_id, i.country_code
            from (select distinct on (source_id, source_record_ref) source_id, source_record_ref,
                         intermediary_companies, intermediary_countries
                  from ingest_shipment where intermediary_countries is not null
                  order by source_id, source_record_ref, line) s
            join shipment sh on sh.source_id = s.source_id and sh.source_record_ref = s.source_record_ref
                and sh.release_id = ?
            cross join lateral unnest(s.intermediary_companies, s.intermediary_countries)
                with ordinality as i(company_id, country_code, position)
            where i.company_id is not null or i.country_code is not null""";

    /** Rows whose source reference appeared earlier in the same file; the earliest one is the one kept. */
    private static final String DUPLICATES = """
            select line, source_record_ref, first_line from (
                select line, source_record_ref, min(line) over w as first_line, count(*) over w as n
                from ingest_shipment window w as (partition by source_id, source_record_ref)) d
            where n > 1 and line > first_line order by line""";

    private final Connection connection;
    private final CopyStream copy;
    private final CopyRow out = new CopyRow();

    /** Creates the staging table in the load's transaction; rows are streamed into it from the first {@link #stage}. */
    public ShipmentStaging(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement()) {
            st.execute(CREATE_STAGE);
        }
        this.copy = new CopyStream(connection, COPY_STAGE);
    }

    public void stage(Row row) throws SQLException {
        out.reset().add(row.line()).add(row.sourceId()).add(row.sourceRecordRef()).add(row.supplierId())
                .add(row.recipientId()).add(row.supplierDeclaredName()).add(row.recipientDeclaredName())
                .add(row.supplierCountry()).add(row.recipientCountry()).add(row.originCountry())
                .add(row.destinationCountry()).add(row.periodStart()).add(row.periodEnd()).add(row.hsCode())
                .add(row.productCode()).add(row.description()).add(row.value()).add(row.currency()).add(row.eurRate())
                .add(row.usdRate()).add(row.valueQualifier()).add(row.quantity()).add(row.quantityUnit())
                .add(row.netWeightKg()).addArray(row.intermediaryCompanies()).addArray(row.intermediaryCountries());
        copy.write(out);
    }

    /** Ends the COPY in progress so that the connection can run other statements; the next row starts another. */
    public void pause() throws SQLException {
        copy.pause();
    }

    /** Moves the staged rows into {@code shipment} (a record whose source and reference are there is kept); how many. */
    public long insertShipments(long releaseId) throws SQLException {
        return moved(INSERT_SHIPMENTS, releaseId);
    }

    /** Moves the ordered intermediaries of the shipments this release inserted (the first row of a repeated reference). */
    public long insertIntermediaries(long releaseId) throws SQLException {
        return moved(INSERT_INTERMEDIARIES, releaseId);
    }

    private long moved(String sql, long releaseId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, releaseId);
            return ps.executeLargeUpdate();
        }
    }

    /** The staged rows that repeat an earlier line's source reference, in line order. */
    public List<Repeat> repeats() throws SQLException {
        List<Repeat> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(DUPLICATES)) {
            while (rs.next()) {
                out.add(new Repeat(rs.getLong(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        copy.close();
    }

    /**
     * Stages a chunk of generated shipments (CSV: ref, supplier id, recipient id, their countries, period start and end,
     * HS code, product code, value, currency, qualifier, quantity, unit, weight, intermediary country and company) and
     * moves it into {@code shipment}, flagged synthetic and converted by to_eur and to_usd at the month's rate, and
     * into {@code shipment_intermediary}: one COPY and one insert each, which the rollup triggers sum once.
     */
    public static void insertGenerated(Connection c, Reader rows, long sourceId, long releaseId) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("""
                    create temp table if not exists synthetic_in (ref text, supplier_id bigint, recipient_id bigint,
                      supplier_country text, recipient_country text, period_start date, period_end date, hs_code text,
                      product_code text, value numeric, currency text, qualifier text, quantity numeric, unit text,
                      weight numeric, intermediary_country text, intermediary_id bigint) on commit drop""");
            st.execute("truncate synthetic_in");
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy synthetic_in from stdin (format csv)", rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into shipment (release_id, synthetic, source_id, source_record_ref, supplier_id, recipient_id,
                    supplier_country, recipient_country, period_start, period_end, hs_code, product_code, description,
                    value, currency, value_eur, value_usd, value_qualifier, quantity, quantity_unit, net_weight_kg)
                select ?, true, ?, ref, supplier_id, recipient_id, supplier_country, recipient_country, period_start,
                       period_end, hs_code, product_code, 'synthetic goods', value, currency,
                       to_eur(value, currency, 'MONTH', period_start), to_usd(value, currency, 'MONTH', period_start),
                       qualifier, quantity,
                       unit, weight
                  from synthetic_in""")) {
            ps.setLong(1, releaseId);
            ps.setLong(2, sourceId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into shipment_intermediary (shipment_id, position, company_id, country_code)
                select s.id, 1, i.intermediary_id, i.intermediary_country
                  from synthetic_in i join shipment s on s.source_id = ? and s.source_record_ref = i.ref
                 where i.intermediary_country is not null""")) {
            ps.setLong(1, sourceId);
            ps.executeUpdate();
        }
    }
}
