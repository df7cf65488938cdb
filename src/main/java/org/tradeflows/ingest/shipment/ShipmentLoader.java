package org.tradeflows.ingest.shipment;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.tradeflows.ingest.CopyRow;
import org.tradeflows.ingest.CopyStream;
import org.tradeflows.ingest.FormatLoader;
import org.tradeflows.ingest.IngestException;
import org.tradeflows.ingest.LoadContext;
import org.tradeflows.ingest.Rejection;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.company.CompanyIndex;
import org.tradeflows.ingest.company.CompanyResolver.Party;
import org.tradeflows.ingest.company.CompanyResolver;
import org.tradeflows.ingest.company.CompanyWriter;
import org.tradeflows.ingest.input.CsvTable;
import org.tradeflows.store.DataAccessException;

/**
 * Loads a shipment CSV: each valid row, its parties resolved to companies, is streamed with COPY into a staging
 * table that lives only in the load's transaction; at the end one INSERT ... SELECT moves the rows into
 * {@code shipment} (a record whose source and reference are already there is kept as it is) and their ordered
 * intermediaries into {@code shipment_intermediary}. Values are normalised to EUR and USD in that statement with
 * the rates found for each row by {@code eur_of} and {@code usd_of}, the rules {@code to_eur} and {@code to_usd} apply.
 */
public final class ShipmentLoader implements FormatLoader {

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

    private CompanyWriter companies;

    @Override
    public void read(LoadContext ctx, Reader reader) throws SQLException, IOException {
        Connection c = ctx.connection();
        try (Statement st = c.createStatement()) {
            st.execute(CREATE_STAGE);
        }
        CsvTable table = CsvTable.open(reader, ctx.formatName(), ctx.delimiters(), ShipmentCsvReader.REQUIRED,
                ShipmentCsvReader.KNOWN);
        ShipmentCsvReader rows = new ShipmentCsvReader(ctx.reference(), ctx.sourceId());
        companies = new CompanyWriter(c, ctx.sourceId());
        CompanyResolver resolver = new CompanyResolver(CompanyIndex.load(c), companies);
        CopyRow copyRow = new CopyRow();
        boolean any = false;
        try (CopyStream copy = new CopyStream(c, COPY_STAGE)) {
            companies.beforeStatements(() -> {
                try {
                    copy.pause();
                } catch (SQLException e) {
                    throw new DataAccessException(e);
                }
            });
            while (table.next()) {
                any = true;
                ctx.rowRead();
                RowCheck check = new RowCheck(table.line(), ctx.today());
                ShipmentRow row = rows.read(table, check);
                if (row == null) {
                    ctx.reject(check, table.raw());
                    continue;
                }
                if (!ctx.writing()) {
                    continue;
                }
                if (companies.full()) {
                    copy.pause();
                    companies.flush();
                }
                stage(copy, copyRow, row, resolver, ctx);
            }
        }
        if (!any) {
            throw new IngestException("The file has a header but no rows.", 2L);
        }
        companies.flush();
    }

    @Override
    public void write(LoadContext ctx) throws SQLException {
        Connection c = ctx.connection();
        companies.assignRelease(ctx.releaseId());
        long staged = ctx.tally().rowsRead() - ctx.tally().rowsRejected();
        long inserted = insertShipments(c, ctx.releaseId());
        long duplicates = staged > inserted ? rejectDuplicates(c, ctx) : 0;
        ctx.tally().unchanged(staged - inserted - duplicates);
        ctx.tally().wrote("shipments", inserted);
        ctx.tally().wrote("shipmentIntermediaries", insertIntermediaries(c, ctx.releaseId()));
        ctx.tally().wrote("companies", companies.companiesWritten());
        ctx.tally().wrote("companyAliases", companies.aliasesWritten());
        ctx.tally().wrote("companyIdentifiers", companies.identifiersWritten());
    }

    private static void stage(CopyStream copy, CopyRow out, ShipmentRow row, CompanyResolver resolver, LoadContext ctx)
            throws SQLException, IOException {
        Long supplier = resolver.resolve(row.supplier(), row.line(), ShipmentCsvReader.SUPPLIER_NAME, ctx.tally()).companyId();
        Long recipient = resolver.resolve(row.recipient(), row.line(), ShipmentCsvReader.RECIPIENT_NAME, ctx.tally())
                .companyId();
        List<Long> middleCompanies = new ArrayList<>(row.intermediaries().size());
        List<String> middleCountries = new ArrayList<>(row.intermediaries().size());
        for (Party p : row.intermediaries()) {
            middleCompanies.add(p.name() == null ? null
                    : resolver.resolve(p, row.line(), ShipmentCsvReader.INTERMEDIARIES, ctx.tally()).companyId());
            middleCountries.add(p.country());
        }
        out.reset().add(row.line()).add(row.sourceId()).add(row.sourceRef()).add(supplier).add(recipient)
                .add(row.supplier().name()).add(row.recipient().name()).add(row.supplier().country())
                .add(row.recipient().country()).add(row.originCountry()).add(row.destinationCountry())
                .add(row.periodStart()).add(row.periodEnd()).add(row.hsCode()).add(row.productCode())
                .add(row.description()).add(row.value()).add(row.currency()).add(row.eurRate()).add(row.usdRate())
                .add(row.qualifier()).add(row.quantity()).add(row.quantityUnit()).add(row.netWeightKg())
                .addArray(middleCountries.isEmpty() ? null : middleCompanies)
                .addArray(middleCountries.isEmpty() ? null : middleCountries);
        copy.write(out);
    }

    private static long insertShipments(Connection c, long releaseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_SHIPMENTS)) {
            ps.setLong(1, releaseId);
            return ps.executeLargeUpdate();
        }
    }

    private static long insertIntermediaries(Connection c, long releaseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_INTERMEDIARIES)) {
            ps.setLong(1, releaseId);
            return ps.executeLargeUpdate();
        }
    }

    private static long rejectDuplicates(Connection c, LoadContext ctx) throws SQLException {
        long n = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(DUPLICATES)) {
            while (rs.next()) {
                ctx.tally().rejectLate(new Rejection(rs.getLong(1), ShipmentCsvReader.SOURCE_REF,
                        "source_ref repeats the record on line " + rs.getLong(3), rs.getString(2)));
                n++;
            }
        }
        return n;
    }
}
