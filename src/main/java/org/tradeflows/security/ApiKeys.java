package org.tradeflows.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tradeflows.model.ApiKeyRecord;
import org.tradeflows.model.ApiRole;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.CreatedApiKeyRecord;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.store.ApiKeyStore;

/** Creates and revokes API keys, each change audited in the same transaction. */
@ApplicationScoped
@Transactional
public class ApiKeys {

    private final ApiKeyStore sql;
    private final AuditTrail audit;

    public ApiKeys(ApiKeyStore sql, AuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
    }

    public CreatedApiKeyRecord create(String name, ApiRole role) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new BadUserInputException("input.name: 1 to 100 characters without control characters");
        }
        if (role == null) {
            throw new BadUserInputException("input.role: required (READER, CURATOR or ADMIN)");
        }
        String key = ApiKeySecrets.newKey();
        ApiKeyRecord created = sql.insert(trimmed, role, key.substring(0, ApiKeySecrets.SHOWN), ApiKeySecrets.sha256(key), audit.actor());
        audit.record(AuditAction.CREATE_API_KEY, "ApiKey", created.id(), null, snapshot(created));
        return new CreatedApiKeyRecord(key, created);
    }

    public ApiKeyRecord revoke(long id, String argument) {
        ApiKeyRecord before = sql.byId(id).orElseThrow(() -> new NotFoundException(argument + ": no API key with this id"));
        if (before.revokedAt() != null) {
            throw new BadUserInputException(argument + ": the key was already revoked at " + before.revokedAt());
        }
        ApiKeyRecord after = sql.revoke(id, audit.actor())
                .orElseThrow(() -> new BadUserInputException(argument + ": the key was revoked meanwhile"));
        audit.record(AuditAction.REVOKE_API_KEY, "ApiKey", id, snapshot(before), snapshot(after));
        return after;
    }

    private static Map<String, Object> snapshot(ApiKeyRecord k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", k.name());
        m.put("role", k.role().name());
        m.put("prefix", k.prefix());
        m.put("createdBy", k.createdBy());
        m.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
        m.put("revokedBy", k.revokedBy());
        return m;
    }
}
