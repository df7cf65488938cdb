package org.tradeflows.store;

import static org.tradeflows.sql.Sql.and;
import static org.tradeflows.sql.Sql.ifGiven;
import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tradeflows.model.ApiKeyRecord;
import org.tradeflows.model.ApiRole;
import org.tradeflows.sql.Sql;

/** Every SQL statement on API keys. Keys are looked up by the SHA-256 of the key; the key itself is never stored. */
@ApplicationScoped
public class ApiKeyStore {

    private static final String COLUMNS = "id, name, role, key_prefix, created_at, created_by, revoked_at, revoked_by";

    private final Jdbc jdbc;

    public ApiKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A key that works: known and not revoked. Read on every request, so a revocation takes effect at once. */
    public Optional<ApiKeyRecord> active(String sha256) {
        return jdbc.one(sql("select " + COLUMNS + " from api_key where key_sha256 = {} and revoked_at is null",
                value(sha256)), ApiKeyStore::map);
    }

    public ApiKeyRecord insert(String name, ApiRole role, String prefix, String sha256, String createdBy) {
        return jdbc.one(sql("insert into api_key (name, role, key_prefix, key_sha256, created_by) values ({}, {}, {}, {}, {}) "
                + "returning " + COLUMNS, value(name), value(role.name()), value(prefix), value(sha256), value(createdBy)),
                ApiKeyStore::map).orElseThrow();
    }

    /** Revokes the key if it still works; empty when it does not exist or was revoked before. */
    public Optional<ApiKeyRecord> revoke(long id, String revokedBy) {
        return jdbc.one(sql("update api_key set revoked_at = now(), revoked_by = {} where id = {} and revoked_at is null "
                + "returning " + COLUMNS, value(revokedBy), value(id)), ApiKeyStore::map);
    }

    public Optional<ApiKeyRecord> byId(long id) {
        return jdbc.one(sql("select " + COLUMNS + " from api_key where id = {}", value(id)), ApiKeyStore::map);
    }

    public List<ApiKeyRecord> page(boolean includeRevoked, Long afterId, int limit) {
        return jdbc.list(sql("select " + COLUMNS + " from api_key where {} order by id limit {}",
                and(included(includeRevoked), ifGiven(afterId, id -> sql("id > {}", value(id)))), value(limit)),
                ApiKeyStore::map);
    }

    public long count(boolean includeRevoked) {
        return jdbc.count(sql("select count(*) from api_key where {}", included(includeRevoked)));
    }

    private static Sql included(boolean includeRevoked) {
        return includeRevoked ? Sql.TRUE : sql("revoked_at is null");
    }

    static ApiKeyRecord map(ResultSet rs) throws SQLException {
        return new ApiKeyRecord(rs.getLong("id"), rs.getString("name"), ApiRole.valueOf(rs.getString("role")),
                rs.getString("key_prefix"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("revoked_at", OffsetDateTime.class), rs.getString("revoked_by"));
    }
}
