package org.tradeflows.store;

import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.containsPattern;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tradeflows.model.SourceKind;
import org.tradeflows.model.SourceRecord;
import org.tradeflows.model.SyntheticChoice;
import org.tradeflows.query.SourceCriteria;
import org.tradeflows.sql.Sql;

/** Every SQL statement that reads sources, and the curators' writes of them. */
@ApplicationScoped
public class SourceStore {

    private static final String COLUMNS = "id, key, title, publisher, url, published_on, kind, licence, citation, note";

    private final Jdbc jdbc;

    public SourceStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<SourceRecord> byIds(Collection<Long> ids) {
        return jdbc.list("select " + COLUMNS + " from source where id = any(?)", List.of(ids), SourceStore::map);
    }

    public Optional<SourceRecord> byKey(String key) {
        return jdbc.one("select " + COLUMNS + " from source where key = ?", List.of(key), SourceStore::map);
    }

    /** Each key's citation text, in the order of the keys; keys that name no source are left out. */
    public Map<String, String> citations(Collection<String> keys) {
        Map<String, String> byKey = new LinkedHashMap<>();
        jdbc.list("select key, citation from source where key = any(?) order by array_position(?, key)",
                List.of(List.copyOf(keys), List.copyOf(keys)),
                rs -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> byKey.put(e.getKey(), e.getValue()));
        return byKey;
    }

    /** Every source key, for suggesting the nearest one to a key that does not exist. */
    public List<String> keys() {
        return jdbc.list("select key from source order by key", List.of(), rs -> rs.getString(1));
    }

    public List<SourceRecord> page(SourceCriteria filter, Long afterId, int limit) {
        Sql where = and(where(filter), ifGiven(afterId, id -> sql("id > {}", value(id))));
        return jdbc.list(sql("select " + COLUMNS + " from source where {} order by id limit {}", where, value(limit)),
                SourceStore::map);
    }

    public long count(SourceCriteria filter) {
        return jdbc.count(sql("select count(*) from source where {}", where(filter)));
    }

    private static Sql where(SourceCriteria f) {
        boolean synthetic = SyntheticChoice.includes(f) || (f != null && f.kinds() != null && f.kinds().contains(SourceKind.SYNTHETIC));
        Sql real = synthetic ? Sql.EMPTY : sql("kind <> 'SYNTHETIC'");
        if (f == null) {
            return and(real);
        }
        return and(real,
                ifGiven(f.kinds(), k -> sql("kind = any({})", value(k.stream().map(Enum::name).toList()))),
                ifGiven(f.search(), text -> {
                    Sql like = containsPattern(text.trim());
                    return sql("title ilike {} or publisher ilike {} or key ilike {}", like, like, like);
                }));
    }

    /** Records a source (its id is ignored); the stored source, with its new id. */
    public SourceRecord insert(SourceRecord s) {
        long id = jdbc.one("insert into source (key, title, publisher, url, published_on, kind, licence, citation, note) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", Arrays.asList(s.key(), s.title(), s.publisher(),
                s.url(), s.publishedOn(), s.kind(), s.licence(), s.citation(), s.note()),
                        rs -> rs.getLong(1)).orElseThrow();
        return new SourceRecord(id, s.key(), s.title(), s.publisher(), s.url(), s.publishedOn(), s.kind(), s.licence(),
                s.citation(), s.note());
    }

    static SourceRecord map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new SourceRecord(id, rs.getString("key"), rs.getString("title"), rs.getString("publisher"),
                rs.getString("url"), Jdbc.date(rs, "published_on").orElse(null), SourceKind.valueOf(rs.getString("kind")),
                rs.getString("licence"), rs.getString("citation"), rs.getString("note"));
    }
}
