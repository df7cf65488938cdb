package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tradeflows.model.SupplyHopRecord;
import org.tradeflows.model.SupplyPathRecord;
import org.tradeflows.model.SupplyPathSearchRecord;
import org.tradeflows.model.ValueQualifier;
import org.tradeflows.query.SupplyPathQuery;
import org.tradeflows.query.SupplyPathSql;
import org.tradeflows.sql.Sql;

/** Runs the supply-path search (query/SupplyPathSql) through the answer cache: one statement a page. */
@ApplicationScoped
public class SupplyPathStore {

    private final AnswerCache answers;

    public SupplyPathStore(AnswerCache answers) {
        this.answers = answers;
    }

    /** A page of paths (each keyed by its sort values) and what the search looked at. */
    public record Answer(SupplyPathSearchRecord search, List<KeyedRow<SupplyPathRecord>> paths) {
    }

    private record Row(long explored, long found, boolean fanOutCut, boolean candidatesCut, List<String> key,
            String originCountry, java.math.BigDecimal pathValue, SupplyHopRecord hop) {
    }

    public Answer paths(SupplyPathQuery q, List<String> after, int limit) {
        Sql s = SupplyPathSql.page(q, after, limit);
        List<Row> rows = answers.list(s.text(), s.values(), SupplyPathStore::row);
        Row first = rows.get(0);
        SupplyPathSearchRecord search = new SupplyPathSearchRecord(q.maxHops(), q.windowDays(), SupplyPathSql.FAN_OUT,
                SupplyPathSql.MAX_CANDIDATES, first.explored(), first.found(), first.fanOutCut(), first.candidatesCut());
        Map<List<String>, List<Row>> byPath = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.hop() != null) {
                byPath.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
        }
        List<KeyedRow<SupplyPathRecord>> paths = new ArrayList<>();
        byPath.forEach((key, hops) -> paths.add(new KeyedRow<>(new SupplyPathRecord(hops.get(0).originCountry(),
                hops.get(0).pathValue(), hops.stream().map(Row::hop).toList()), key)));
        return new Answer(search, paths);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Integer position = Jdbc.intOrNull(rs, "hop");
        SupplyHopRecord hop = position == null ? null : new SupplyHopRecord(position, rs.getLong("supplier_id"),
                rs.getLong("recipient_id"), rs.getString("recipient_country"), Jdbc.date(rs, "hop_date").orElseThrow(),
                rs.getString("hs_key"), rs.getBigDecimal("value_eur"), ValueQualifier.valueOf(rs.getString("qualifier")),
                rs.getLong("shipments"), rs.getLong("without_eur"), ids(rs.getArray("shipment_ids")),
                ids(rs.getArray("supplier_sanction_ids")), ids(rs.getArray("recipient_sanction_ids")));
        return new Row(rs.getLong("explored"), rs.getLong("found"), rs.getBoolean("fan_out_cut"),
                rs.getBoolean("candidates_cut"), position == null ? null : SanctionsExposureStore.key(rs, SupplyPathSql.ORDER),
                position == null ? null : rs.getString("origin_country"), rs.getBigDecimal("path_value_eur"), hop);
    }

    private static List<Long> ids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Long[]) array.getArray()).toList();
    }
}
