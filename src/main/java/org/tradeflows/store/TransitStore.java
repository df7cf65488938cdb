package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.tradeflows.model.MirrorGapFlag;
import org.tradeflows.model.MirrorGapRecord;
import org.tradeflows.query.MirrorGapQuery;
import org.tradeflows.query.MirrorGapSql;
import org.tradeflows.model.TransitRouteRecord;
import org.tradeflows.query.TransitRouteQuery;
import org.tradeflows.query.TransitRouteSql;
import org.tradeflows.sql.Sql;

/** Runs the comparisons of official figures between countries (query/MirrorGapSql) through the answer cache. */
@ApplicationScoped
public class TransitStore {

    private final AnswerCache answers;

    public TransitStore(AnswerCache answers) {
        this.answers = answers;
    }

    public List<KeyedRow<MirrorGapRecord>> mirrorGaps(MirrorGapQuery q, List<String> after, int limit) {
        Sql s = MirrorGapSql.page(q, after, limit);
        return answers.list(s.text(), s.values(), rs -> new KeyedRow<>(new MirrorGapRecord(
                Jdbc.date(rs, "period_start").orElseThrow(), Jdbc.date(rs, "period_end").orElseThrow(),
                rs.getString("product_code"), side(rs, "export_"), side(rs, "import_"), rs.getBigDecimal("gap_value_eur"),
                rs.getBigDecimal("gap_percent"), MirrorGapFlag.valueOf(rs.getString("flag"))),
                SanctionsExposureStore.key(rs, MirrorGapSql.ORDER)));
    }

    public List<KeyedRow<TransitRouteRecord>> transitRoutes(TransitRouteQuery q, List<String> after, int limit) {
        Sql s = TransitRouteSql.page(q, after, limit);
        return answers.list(s.text(), s.values(), rs -> new KeyedRow<>(new TransitRouteRecord(rs.getString("via"),
                rs.getLong("source_id"), rs.getBigDecimal("ov_before"), rs.getBigDecimal("ov_after"),
                rs.getBigDecimal("ov_growth"), rs.getBigDecimal("vd_before"), rs.getBigDecimal("vd_after"),
                rs.getBigDecimal("vd_growth"), rs.getBigDecimal("dest_before"), rs.getBigDecimal("dest_after"),
                rs.getBigDecimal("share_before"), rs.getBigDecimal("share_after")),
                SanctionsExposureStore.key(rs, TransitRouteSql.ORDER)));
    }

    private static MirrorGapRecord.Side side(ResultSet rs, String prefix) throws SQLException {
        Long source = Jdbc.longOrNull(rs, prefix + "source_id");
        return source == null ? null : new MirrorGapRecord.Side(source, rs.getLong(prefix + "release_id"),
                rs.getBigDecimal(prefix + "value_eur"), rs.getBigDecimal(prefix + "value_usd"), rs.getLong(prefix + "figures"));
    }
}
