package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import org.tradeflows.model.UnitValueBasis;
import org.tradeflows.model.UnitValueOutlierRecord;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.query.UnitValueOutlierSql;
import org.tradeflows.sql.Sql;

/** Runs the unit-value outlier statement (query/UnitValueOutlierSql) through the answer cache. */
@ApplicationScoped
public class UnitValueStore {

    private final AnswerCache answers;

    public UnitValueStore(AnswerCache answers) {
        this.answers = answers;
    }

    public List<KeyedRow<UnitValueOutlierRecord>> outliers(ShipmentScope scope, UnitValueBasis basis, BigDecimal threshold,
            List<String> after, int limit) {
        Sql s = UnitValueOutlierSql.page(scope, basis, threshold, after, limit);
        return answers.list(s.text(), s.values(), rs -> new KeyedRow<>(new UnitValueOutlierRecord(rs.getLong("id"),
                rs.getString("hs6"), rs.getInt("year"), rs.getString("unit"), rs.getBigDecimal("unit_value"),
                rs.getBigDecimal("median"), rs.getBigDecimal("mad"), rs.getLong("peers"), rs.getBigDecimal("z")),
                SanctionsExposureStore.key(rs, UnitValueOutlierSql.ORDER)));
    }
}
