package org.tradeflows.store;

import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.containsPattern;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

/** Every SQL statement that reads or writes sources: the curators' through Jdbc, the loaders' on their connection. */
@ApplicationScoped
public class SourceStore {

    private static final String COLUMNS = "id, key, title, publisher, url, published_on, kind, licence, citation, note";

    private static final String INSERT = "insert into source (key, title, publisher, url, published_on, kind, licence, "
            + "citation, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id";

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
        long id = jdbc.one(INSERT, Arrays.asList(s.key(), s.title(), s.publisher(),
                s.url(), s.publishedOn(), s.kind(), s.licence(), s.citation(), s.note()),
                        rs -> rs.getLong(1)).orElseThrow();
        return new SourceRecord(id, s.key(), s.title(), s.publisher(), s.url(), s.publishedOn(), s.kind(), s.licence(),
                s.citation(), s.note());
    }

    /** Records a source known to be new (the generator checks under its lock) on a loader's connection; its id. */
    public static long insert(Connection c, SourceSpec s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            Jdbc.bind(c, ps, Arrays.asList(s.key(), s.title(), s.publisher(), s.url(), s.publishedOn(), s.kind(),
                    s.licence(), s.citation(), s.note()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Records the source on a loader's connection, upserted by its key so that reloading changes nothing (an existing
     * source is updated in place, so no id is drawn from the sequence for it); its id.
     */
    public static long upsert(Connection c, SourceSpec s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update source set kind = ?, title = ?, publisher = ?, url = ?, published_on = ?, licence = ?,
                    citation = ?, note = ?
                where key = ? returning id""")) {
            ps.setString(1, s.kind());
            ps.setString(2, s.title());
            ps.setString(3, s.publisher());
            ps.setString(4, s.url());
            ps.setObject(5, s.publishedOn());
            ps.setString(6, s.licence());
            ps.setString(7, s.citation());
            ps.setString(8, s.note());
            ps.setString(9, s.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into source (key, kind, title, publisher, url, published_on, licence, citation, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (key) do update set kind = excluded.kind, title = excluded.title,
                    publisher = excluded.publisher, url = excluded.url, published_on = excluded.published_on,
                    licence = excluded.licence, citation = excluded.citation, note = excluded.note
                returning id""")) {
            ps.setString(1, s.key());
            ps.setString(2, s.kind());
            ps.setString(3, s.title());
            ps.setString(4, s.publisher());
            ps.setString(5, s.url());
            ps.setObject(6, s.publishedOn());
            ps.setString(7, s.licence());
            ps.setString(8, s.citation());
            ps.setString(9, s.note());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The id of the source with this key, if there is one, read on a loader's connection. */
    public static Optional<Long> idOf(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from source where key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static SourceRecord map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new SourceRecord(id, rs.getString("key"), rs.getString("title"), rs.getString("publisher"),
                rs.getString("url"), Jdbc.date(rs, "published_on").orElse(null), SourceKind.valueOf(rs.getString("kind")),
                rs.getString("licence"), rs.getString("citation"), rs.getString("note"));
    }
}
