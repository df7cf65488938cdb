package org.tradeflows.api.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tradeflows.config.WebhooksConfig;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.CodedException;
import org.tradeflows.model.CreatedWebhookRecord;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.WebhookRecord;
import org.tradeflows.security.AuditTrail;
import org.tradeflows.security.WebhookSignatures;
import org.tradeflows.store.WebhookStore;

/**
 * Makes and deletes webhooks, each change audited in its transaction (the secret never enters the audit trail). A key
 * sees and deletes only its own hooks; an admin (onlyKey null) all of them.
 */
@ApplicationScoped
public class Webhooks {

    private final WebhookStore store;
    private final AuditTrail audit;
    private final WebhooksConfig config;

    public Webhooks(WebhookStore store, AuditTrail audit, WebhooksConfig config) {
        this.store = store;
        this.audit = audit;
        this.config = config;
    }

    /**
     * Makes a hook of the key {@code keyId} (null: the bootstrap admin key) for an answer, to a URL already checked
     * (WebhookTargets), within the key's cap.
     */
    @Transactional
    public CreatedWebhookRecord create(String hash, String variables, String url, Long keyId) {
        if (store.countOfKey(keyId) >= config.hooksPerKey()) {
            throw new CodedException(ErrorCodes.WEBHOOK_LIMIT_REACHED, "createWebhook: this key holds its limit of "
                    + config.hooksPerKey() + " webhooks already; delete one it no longer needs (deleteWebhook) first");
        }
        String secret = WebhookSignatures.newSecret();
        WebhookRecord r = store.insert(hash, variables, url, secret, keyId, audit.actor());
        audit.record(AuditAction.CREATE_WEBHOOK, "Webhook", r.id(), null, snapshot(r));
        return new CreatedWebhookRecord(secret, r);
    }

    @Transactional
    public WebhookRecord delete(String argument, long id, Long onlyKey) {
        WebhookRecord r = visible(argument, id, onlyKey);
        store.delete(id).orElseThrow(() -> new NotFoundException(argument + ": the webhook was deleted meanwhile"));
        audit.record(AuditAction.DELETE_WEBHOOK, "Webhook", id, snapshot(r), null);
        return r;
    }

    /** The hook, if the caller may see it (its own, or any for an admin); not found otherwise, as if it did not exist. */
    public WebhookRecord visible(String argument, long id, Long onlyKey) {
        return store.byId(id).filter(r -> onlyKey == null || onlyKey.equals(r.keyId()))
                .orElseThrow(() -> new NotFoundException(argument + ": no webhook with this id among this key's webhooks"));
    }

    private static Map<String, Object> snapshot(WebhookRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sha256Hash", r.hash());
        m.put("variables", r.variables());
        m.put("url", r.url());
        m.put("createdBy", r.createdBy());
        return m;
    }
}
