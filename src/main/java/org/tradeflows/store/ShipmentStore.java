package org.tradeflows.store;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.tradeflows.model.AmountRecord;
import org.tradeflows.model.PeriodRecord;
import org.tradeflows.model.ShipmentIntermediaryRecord;
import org.tradeflows.model.ShipmentRecord;
import org.tradeflows.model.ValueQualifier;
import org.tradeflows.query.AsOfSql;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.query.ShipmentScopeSql;
import org.tradeflows.sql.Sql;

/**
 * Every SQL statement that lists shipments (order: date, then id — a keyset that new loads never shift), and the moves
 * of a company merge and its undo.
 */
@ApplicationScoped
public class ShipmentStore {

    static final String COLUMNS = """
            s.id, s.source_record_ref, s.supplier_declared_name, s.recipient_declared_name, s.period_start, s.period_end,
            s.hs_code, s.description, s.value, s.currency, s.value_eur, s.value_usd, s.value_qualifier, s.quantity,
            s.quantity_unit, s.net_weight_kg, s.synthetic, s.supplier_id, s.recipient_id, s.supplier_country,
            s.recipient_country, s.origin_country, s.destination_country, s.product_code, s.source_id, s.release_id""";

    private final Jdbc jdbc;

    public ShipmentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<ShipmentRecord> byIds(Collection<Long> ids) {
        return byIds(ids, null);
    }

    /** The shipments as they stood at the release (null: the latest). */
    public List<ShipmentRecord> byIds(Collection<Long> ids, Long asOfRelease) {
        Sql rows = sql("select " + COLUMNS + " from {} s where s.id = any({})", AsOfSql.shipments(asOfRelease),
                value(ids));
        return jdbc.list(rows.text(), rows.values(), ShipmentStore::map);
    }

    public List<ShipmentRecord> page(ShipmentScope scope, LocalDate afterDate, Long afterId, int limit) {
        Sql after = afterDate == null ? Sql.EMPTY
                : sql("(s.period_start, s.id) > ({}, {})", value(afterDate), value(afterId));
        Sql page = sql("select " + COLUMNS + " from {} where {} order by s.period_start, s.id limit {}",
                ShipmentScopeSql.from(scope), Sql.and(ShipmentScopeSql.where(scope), after), value(limit));
        return jdbc.list(page.text(), page.values(), ShipmentStore::map);
    }

    public long count(ShipmentScope scope) {
        Sql count = sql("select count(*) from {} where {}", ShipmentScopeSql.from(scope), ShipmentScopeSql.where(scope));
        return jdbc.count(count.text(), count.values());
    }

    /** The first shipments of each company (as supplier or recipient), for many companies in one statement. */
    public List<Map.Entry<Long, ShipmentRecord>> firstOfCompanies(Collection<Long> companyIds, ShipmentScope scope,
            int limit) {
        Sql first = sql("select * from (select part.key as part_key, "
                + "row_number() over (partition by part.key order by s.period_start, s.id) as rn, " + COLUMNS
                + " from {} join unnest({}::bigint[]) part(key) on (s.supplier_id = part.key or s.recipient_id = part.key)"
                + " where {}) x where rn <= {} order by part_key, rn", ShipmentScopeSql.from(scope), value(companyIds),
                ShipmentScopeSql.where(scope), value(limit));
        return jdbc.list(first.text(), first.values(), rs -> Map.entry(rs.getLong("part_key"), map(rs)));
    }

    /**
     * Each company's page of shipments by date after the cursor (date, id): pairs of company id and shipment id, the
     * first {@code limit} of each company, in one statement (the rows themselves come from {@link #byIds}).
     */
    public List<Map.Entry<Long, Long>> pageOfCompanies(Collection<Long> companyIds, ShipmentScope scope,
            LocalDate afterDate, Long afterId, int limit) {
        Sql cut = afterId == null ? Sql.TRUE : sql("(s.period_start, s.id) > ({}, {})", value(afterDate), value(afterId));
        Sql page = sql("select part_key, id from (select part.key as part_key, s.id, "
                + "row_number() over (partition by part.key order by s.period_start, s.id) as rn"
                + " from {} join unnest({}::bigint[]) part(key) on (s.supplier_id = part.key or s.recipient_id = part.key)"
                + " where {} and {}) x where rn <= {} order by part_key, rn", ShipmentScopeSql.from(scope), value(companyIds),
                ShipmentScopeSql.where(scope), cut, value(limit));
        return jdbc.list(page.text(), page.values(), rs -> Map.entry(rs.getLong(1), rs.getLong(2)));
    }

    /** The number of each company's shipments (as supplier or recipient) in the scope: one statement. */
    public Map<Long, Long> countOfCompanies(Collection<Long> companyIds, ShipmentScope scope) {
        Sql count = sql("select part.key, count(*) from {} join unnest({}::bigint[]) part(key) "
                + "on (s.supplier_id = part.key or s.recipient_id = part.key) where {} group by part.key",
                ShipmentScopeSql.from(scope), value(companyIds), ShipmentScopeSql.where(scope));
        Map<Long, Long> counts = new java.util.HashMap<>();
        jdbc.list(count.text(), count.values(), rs -> counts.put(rs.getLong(1), rs.getLong(2)));
        return counts;
    }

    public List<ShipmentIntermediaryRecord> intermediaries(Collection<Long> shipmentIds) {
        return jdbc.list("select shipment_id, position, company_id, country_code from shipment_intermediary "
                + "where shipment_id = any(?) order by shipment_id, position", List.of(shipmentIds),
                rs -> new ShipmentIntermediaryRecord(rs.getInt("position"), rs.getLong("shipment_id"),
                        Jdbc.longOrNull(rs, "company_id"), rs.getString("country_code")));
    }

    static ShipmentRecord map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new ShipmentRecord(id, rs.getString("source_record_ref"),
                rs.getString("supplier_declared_name"), rs.getString("recipient_declared_name"),
                new PeriodRecord(Jdbc.date(rs, "period_start").orElse(null), Jdbc.date(rs, "period_end").orElse(null),
                        null),
                rs.getString("hs_code"), rs.getString("description"),
                new AmountRecord(rs.getBigDecimal("value"), rs.getString("currency"),
                        ValueQualifier.valueOf(rs.getString("value_qualifier"))),
                rs.getBigDecimal("value_eur"), rs.getBigDecimal("value_usd"), rs.getBigDecimal("quantity"),
                rs.getString("quantity_unit"), rs.getBigDecimal("net_weight_kg"), rs.getBoolean("synthetic"),
                Jdbc.longOrNull(rs, "supplier_id"), Jdbc.longOrNull(rs, "recipient_id"), rs.getString("supplier_country"),
                rs.getString("recipient_country"), rs.getString("origin_country"), rs.getString("destination_country"),
                rs.getString("product_code"), rs.getLong("source_id"), rs.getLong("release_id"));
    }

    // --- a company merge (curation/CompanyMerges) and its undo ---

    public List<Long> moveSupplier(long merged, long survivor) {
        return new ArrayList<>(jdbc.list("update shipment set supplier_id = ? where supplier_id = ? returning id",
                List.of(survivor, merged), rs -> rs.getLong(1)));
    }

    public List<Long> moveRecipient(long merged, long survivor) {
        return new ArrayList<>(jdbc.list("update shipment set recipient_id = ? where recipient_id = ? returning id",
                List.of(survivor, merged), rs -> rs.getLong(1)));
    }

    /** Intermediary positions as "shipmentId:position". */
    public List<String> moveIntermediary(long merged, long survivor) {
        return new ArrayList<>(jdbc.list("update shipment_intermediary set company_id = ? where company_id = ? "
                + "returning shipment_id || ':' || position", List.of(survivor, merged), rs -> rs.getString(1)));
    }

    public void returnSupplier(List<Long> ids, long merged, long survivor) {
        jdbc.update("update shipment set supplier_id = ? where supplier_id = ? and id = any(?)", List.of(merged, survivor, ids));
    }

    public void returnRecipient(List<Long> ids, long merged, long survivor) {
        jdbc.update("update shipment set recipient_id = ? where recipient_id = ? and id = any(?)", List.of(merged, survivor, ids));
    }

    public void returnIntermediary(List<String> positions, long merged, long survivor) {
        jdbc.update("""
                update shipment_intermediary set company_id = ? where company_id = ?
                   and shipment_id || ':' || position = any(?)""", List.of(merged, survivor, positions));
    }
}
