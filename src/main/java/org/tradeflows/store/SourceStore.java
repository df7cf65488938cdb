package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tradeflows.api.types.Source;
import org.tradeflows.input.SourceFilter;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.SourceKind;
import org.tradeflows.query.Where;

/** Every SQL statement that reads sources. */
@ApplicationScoped
public class SourceStore {

    private static final String COLUMNS = "id, key, title, publisher, url, published_on, kind, licence, citation, note";

    private final Jdbc jdbc;

    public SourceStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Source> byIds(Collection<Long> ids) {
        return jdbc.list("select " + COLUMNS + " from source where id = any(?)", List.of(ids), SourceStore::map);
    }

    public Optional<Source> byKey(String key) {
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

    public List<Source> page(SourceFilter filter, Long afterId, int limit) {
        Where w = where(filter);
        w.andIf(afterId, "id > ?", afterId);
        return jdbc.list("select " + COLUMNS + " from source where " + w.sql() + " order by id limit ?", w.params(limit),
                SourceStore::map);
    }

    public long count(SourceFilter filter) {
        Where w = where(filter);
        return jdbc.count("select count(*) from source where " + w.sql(), w.params());
    }

    private static Where where(SourceFilter f) {
        Where w = new Where();
        if (f == null) {
            return w;
        }
        w.andIf(f.kinds(), "kind = any(?)", f.kinds() == null ? null : f.kinds().stream().map(Enum::name).toList());
        if (f.search() != null) {
            String like = Where.contains(f.search().trim());
            w.and("(title ilike ? or publisher ilike ? or key ilike ?)", like, like, like);
        }
        return w;
    }

    static Source map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Source(GlobalId.of("Source", id), rs.getString("key"), rs.getString("title"), rs.getString("publisher"),
                rs.getString("url"), Jdbc.date(rs, "published_on").orElse(null), SourceKind.valueOf(rs.getString("kind")),
                rs.getString("licence"), rs.getString("citation"), rs.getString("note"));
    }
}
