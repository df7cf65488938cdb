package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tradeflows.api.types.ApiKey;
import org.tradeflows.model.ApiRole;
import org.tradeflows.model.GlobalId;

/** Every SQL statement on API keys. Keys are looked up by the SHA-256 of the key; the key itself is never stored. */
@ApplicationScoped
public class ApiKeyStore {

    private static final String COLUMNS = "id, name, role, key_prefix, created_at, created_by, revoked_at, revoked_by";

    private final Jdbc jdbc;

    public ApiKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A key that works: known and not revoked. Read on every request, so a revocation takes effect at once. */
    public Optional<ApiKey> active(String sha256) {
        return jdbc.one("select " + COLUMNS + " from api_key where key_sha256 = ? and revoked_at is null",
                List.of(sha256), ApiKeyStore::map);
    }

    public ApiKey insert(String name, ApiRole role, String prefix, String sha256, String createdBy) {
        return jdbc.one("insert into api_key (name, role, key_prefix, key_sha256, created_by) values (?, ?, ?, ?, ?) "
                + "returning " + COLUMNS, List.of(name, role.name(), prefix, sha256, createdBy), ApiKeyStore::map).orElseThrow();
    }

    /** Revokes the key if it still works; empty when it does not exist or was revoked before. */
    public Optional<ApiKey> revoke(long id, String revokedBy) {
        return jdbc.one("update api_key set revoked_at = now(), revoked_by = ? where id = ? and revoked_at is null "
                + "returning " + COLUMNS, List.of(revokedBy, id), ApiKeyStore::map);
    }

    public Optional<ApiKey> byId(long id) {
        return jdbc.one("select " + COLUMNS + " from api_key where id = ?", List.of(id), ApiKeyStore::map);
    }

    public List<ApiKey> page(boolean includeRevoked, Long afterId, int limit) {
        return jdbc.list("select " + COLUMNS + " from api_key where (? or revoked_at is null) and (?::bigint is null or id > ?) "
                + "order by id limit ?", java.util.Arrays.asList(includeRevoked, afterId, afterId, limit), ApiKeyStore::map);
    }

    public long count(boolean includeRevoked) {
        return jdbc.count("select count(*) from api_key where ? or revoked_at is null", List.of(includeRevoked));
    }

    static ApiKey map(ResultSet rs) throws SQLException {
        return new ApiKey(GlobalId.of("ApiKey", rs.getLong("id")), rs.getString("name"), ApiRole.valueOf(rs.getString("role")),
                rs.getString("key_prefix"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("revoked_at", OffsetDateTime.class), rs.getString("revoked_by"));
    }

    public static long dbId(ApiKey key) {
        return GlobalId.dbId(key.id());
    }
}
