package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tradeflows.model.PersistedQueryRecord;

/** Every SQL statement on persisted_query. A document is only ever added: its hash names its text for good. */
@ApplicationScoped
public class PersistedQueryStore {

    private static final String COLUMNS = "id, sha256, document, name, origin, registered_at, registered_by";

    private final Jdbc jdbc;

    public PersistedQueryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the document unless its hash is registered already; empty when it was (the first registration stands). */
    public Optional<PersistedQueryRecord> insert(String sha256, String document, String name, String origin,
            String registeredBy) {
        return jdbc.one("insert into persisted_query (sha256, document, name, origin, registered_by) values (?, ?, ?, ?, ?) "
                + "on conflict (sha256) do nothing returning " + COLUMNS,
                java.util.Arrays.asList(sha256, document, name, origin, registeredBy), PersistedQueryStore::map);
    }

    public Optional<PersistedQueryRecord> bySha256(String sha256) {
        return jdbc.one("select " + COLUMNS + " from persisted_query where sha256 = ?", List.of(sha256),
                PersistedQueryStore::map);
    }

    static PersistedQueryRecord map(ResultSet rs) throws SQLException {
        return new PersistedQueryRecord(rs.getLong("id"), rs.getString("sha256"), rs.getString("document"),
                rs.getString("name"), rs.getString("origin"), rs.getObject("registered_at", OffsetDateTime.class),
                rs.getString("registered_by"));
    }
}
