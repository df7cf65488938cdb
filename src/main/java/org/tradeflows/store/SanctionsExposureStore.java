package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tradeflows.model.ExposureListingRecord;
import org.tradeflows.model.ExposureYearRecord;
import org.tradeflows.model.SanctionAuthority;
import org.tradeflows.model.SanctionsExposureRecord;
import org.tradeflows.model.SupplierExposureRecord;
import org.tradeflows.query.Keyset;
import org.tradeflows.query.SanctionsExposureSql;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.sql.Sql;

/** Runs the sanctions-exposure statements (query/SanctionsExposureSql) through the answer cache. */
@ApplicationScoped
public class SanctionsExposureStore {

    private final AnswerCache answers;

    public SanctionsExposureStore(AnswerCache answers) {
        this.answers = answers;
    }

    public SanctionsExposureRecord totals(ShipmentScope scope) {
        Sql q = SanctionsExposureSql.totals(scope);
        return answers.list(q.text(), q.values(), rs -> new SanctionsExposureRecord(rs.getBigDecimal("value_eur"),
                rs.getLong("shipments"), rs.getLong("without_eur"), rs.getBigDecimal("exposed_eur"),
                rs.getLong("exposed_shipments"), rs.getLong("exposed_without_eur"), Jdbc.date(rs, "first_date").orElse(null),
                Jdbc.date(rs, "last_date").orElse(null), rs.getBigDecimal("share"))).get(0);
    }

    public List<KeyedRow<ExposureYearRecord>> byAuthorityYear(ShipmentScope scope, List<String> after, int limit) {
        return keyed(SanctionsExposureSql.byAuthorityYear(scope, after, limit), SanctionsExposureSql.YEAR_ORDER,
                rs -> new ExposureYearRecord(SanctionAuthority.valueOf(rs.getString("authority")), rs.getInt("year"),
                        rs.getBigDecimal("value_eur"), rs.getLong("shipments"), rs.getLong("without_eur"),
                        Jdbc.date(rs, "first_date").orElse(null), Jdbc.date(rs, "last_date").orElse(null),
                        rs.getBigDecimal("year_total_eur"), rs.getBigDecimal("share")));
    }

    public List<KeyedRow<ExposureListingRecord>> listings(ShipmentScope scope, List<String> after, int limit) {
        return keyed(SanctionsExposureSql.listings(scope, after, limit), SanctionsExposureSql.LISTING_ORDER,
                rs -> new ExposureListingRecord(rs.getLong("sanction_id"), rs.getLong("recipient_id"),
                        SanctionAuthority.valueOf(rs.getString("authority")), rs.getString("program"),
                        Jdbc.date(rs, "listed_on").orElse(null), Jdbc.date(rs, "ended_on").orElse(null),
                        Jdbc.date(rs, "first_date").orElse(null), Jdbc.date(rs, "last_date").orElse(null),
                        Jdbc.intOrNull(rs, "days_after_listing"), rs.getBigDecimal("value_eur"), rs.getLong("shipments"),
                        rs.getLong("without_eur")));
    }

    public List<KeyedRow<SupplierExposureRecord>> suppliers(ShipmentScope scope, List<String> after, int limit) {
        return keyed(SanctionsExposureSql.suppliers(scope, after, limit), SanctionsExposureSql.SUPPLIER_ORDER,
                rs -> new SupplierExposureRecord(rs.getLong("supplier_id"), rs.getBigDecimal("exposed_eur"),
                        rs.getLong("exposed_shipments"), Jdbc.date(rs, "first_date").orElse(null),
                        Jdbc.date(rs, "last_date").orElse(null), rs.getBigDecimal("value_eur"), rs.getLong("shipments"),
                        rs.getBigDecimal("share")));
    }

    private <T> List<KeyedRow<T>> keyed(Sql q, List<Keyset.Column> order, Jdbc.RowMapper<T> mapper) {
        return answers.list(q.text(), q.values(), rs -> new KeyedRow<>(mapper.map(rs), key(rs, order)));
    }

    static List<String> key(ResultSet rs, List<Keyset.Column> order) throws SQLException {
        List<String> key = new ArrayList<>();
        for (Keyset.Column c : order) {
            key.add(rs.getString(c.expression()));
        }
        return key;
    }
}
