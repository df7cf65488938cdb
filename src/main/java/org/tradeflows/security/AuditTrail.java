package org.tradeflows.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.tradeflows.model.AuditAction;
import org.tradeflows.store.AuditStore;

/**
 * Writes one audit entry per change, inside the caller's transaction: the change and its entry commit together or
 * not at all. Records before and after are serialised as JSON objects.
 */
@ApplicationScoped
public class AuditTrail {

    private final AuditStore sql;
    private final ObjectMapper json;
    private final SecurityIdentity identity;

    public AuditTrail(AuditStore sql, ObjectMapper json, SecurityIdentity identity) {
        this.sql = sql;
        this.json = json;
        this.identity = identity;
    }

    public long record(AuditAction action, String recordType, long recordId, Object before, Object after) {
        return sql.insert(actor(), action, recordType, recordId, toJson(before), toJson(after), null);
    }

    public long recordUndo(AuditAction action, String recordType, long recordId, Object before, Object after, long undoes) {
        long id = sql.insert(actor(), action, recordType, recordId, toJson(before), toJson(after), undoes);
        sql.markUndone(undoes, id);
        return id;
    }

    /** Who is acting, as the audit trail names them: the key's holder and the key's number. */
    public String actor() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        Object keyId = identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
        String name = identity.getPrincipal().getName();
        return keyId == null ? name : name + " (key #" + keyId + ")";
    }

    public String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit record not serialisable", e);
        }
    }
}
