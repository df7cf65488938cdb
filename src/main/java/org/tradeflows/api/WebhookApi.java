package org.tradeflows.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.tradeflows.api.engine.PersistedQueries;
import org.tradeflows.api.live.LiveHub;
import org.tradeflows.api.types.CreatedWebhook;
import org.tradeflows.api.types.Webhook;
import org.tradeflows.api.types.WebhookConnection;
import org.tradeflows.api.types.WebhookDelivery;
import org.tradeflows.api.types.WebhookDeliveryConnection;
import org.tradeflows.api.types.WebhookDeliveryEdge;
import org.tradeflows.api.types.WebhookDeliveryStatus;
import org.tradeflows.api.types.WebhookEdge;
import org.tradeflows.api.types.WebhookInput;
import org.tradeflows.api.webhook.WebhookTargets;
import org.tradeflows.api.webhook.Webhooks;
import org.tradeflows.config.WebhooksConfig;
import org.tradeflows.model.CodedException;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.WebhookAttemptRecord;
import org.tradeflows.model.WebhookDeliveryRecord;
import org.tradeflows.model.WebhookRecord;
import org.tradeflows.security.ApiKeyIdentityProvider;
import org.tradeflows.security.Roles;
import org.tradeflows.store.WebhookStore;

/**
 * Webhooks (README, "Webhooks"): a key holder's URL posted to when the answer of a persisted query changes, the same
 * change answerChanged sends. A key sees and deletes only the hooks it made; an admin all of them.
 */
@GraphQLApi
@RolesAllowed(Roles.READER)
public class WebhookApi {

    private final Webhooks webhooks;
    private final WebhookStore store;
    private final PersistedQueries queries;
    private final LiveHub hub;
    private final WebhookTargets targets;
    private final SecurityIdentity identity;

    public WebhookApi(Webhooks webhooks, WebhookStore store, PersistedQueries queries, LiveHub hub, WebhooksConfig config,
            SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.store = store;
        this.queries = queries;
        this.hub = hub;
        this.targets = WebhookTargets.of(config);
        this.identity = identity;
    }

    @Mutation("createWebhook")
    @NonNull
    @Description("Makes a webhook (any key, audited): from now on, each time a new release changes the answer of this persisted "
            + "query with these variables, a signed POST goes to the URL. The answer is run now; the next one is compared with it. "
            + "The answer holds the secret that signs the deliveries, this once.")
    public CreatedWebhook createWebhook(@NonNull @Name("input") @Description("The query, its variables and the URL.") WebhookInput input) {
        String hash = LiveApi.registered(queries, "input.sha256Hash", input.sha256Hash());
        String variables;
        URI url;
        try {
            variables = LiveApi.canonical(input.variables());
            url = targets.url(input.url());
            targets.addresses(url);
        } catch (CodedException refused) {
            throw new CodedException(refused.code(), "input." + refused.getMessage());
        }
        hub.watch("createWebhook", hash, variables);
        return CreatedWebhook.of(webhooks.create(hash, variables, url.toString(), keyId()));
    }

    @Mutation("deleteWebhook")
    @NonNull
    @Description("Deletes one of this key's webhooks (an admin: any), with its deliveries; audited.")
    public Webhook deleteWebhook(@NonNull @Id @Name("id") @Description("Global id of the webhook.") String id) {
        return Webhook.of(webhooks.delete("id", GlobalId.numeric(id, "Webhook", "id"), onlyKey()));
    }

    @Query("webhooks")
    @NonNull
    @Description("This key's webhooks in the order they were made (an admin's: every key's).")
    public WebhookConnection webhooks(
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        Page page = Page.of(first, after, 1);
        List<WebhookRecord> rows = store.page(onlyKey(), page.hasAfter() ? Page.parseLongKey(page.afterKey(0), "after") : null,
                page.limit());
        Page.Slice<WebhookEdge> slice = page.slice(rows, w -> Page.cursor(w.id()), (cursor, w) -> new WebhookEdge(cursor, Webhook.of(w)));
        return new WebhookConnection(slice.edges(), slice.pageInfo(), store.count(onlyKey()));
    }

    @Query("webhookDeliveries")
    @NonNull
    @Description("The delivery log of one of this key's webhooks (an admin: any), newest first: each delivery with its "
            + "attempts, the receiver's status codes, what went wrong and when the next attempt is due.")
    public WebhookDeliveryConnection webhookDeliveries(
            @NonNull @Id @Name("webhook") @Description("Global id of the webhook.") String webhook,
            @Name("status") @Description("Only deliveries in this state.") WebhookDeliveryStatus status,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        WebhookRecord hook = webhooks.visible("webhook", GlobalId.numeric(webhook, "Webhook", "webhook"), onlyKey());
        Page page = Page.of(first, after, 1);
        String state = status == null ? null : status.name();
        List<WebhookDeliveryRecord> rows = store.deliveries(hook.id(), state,
                page.hasAfter() ? Page.parseLongKey(page.afterKey(0), "after") : null, page.limit());
        Map<Long, List<WebhookAttemptRecord>> attempts = new LinkedHashMap<>();
        store.attempts(rows.stream().map(WebhookDeliveryRecord::id).toList())
                .forEach(a -> attempts.computeIfAbsent(a.deliveryId(), k -> new ArrayList<>()).add(a));
        Page.Slice<WebhookDeliveryEdge> slice = page.slice(rows, d -> Page.cursor(d.id()),
                (cursor, d) -> new WebhookDeliveryEdge(cursor, WebhookDelivery.of(d, attempts.getOrDefault(d.id(), List.of()))));
        return new WebhookDeliveryConnection(slice.edges(), slice.pageInfo(), store.deliveryCount(hook.id(), state));
    }

    /** The caller's key (null: the bootstrap admin key, which has no number). */
    private Long keyId() {
        Object id = identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
        return id instanceof Number n ? n.longValue() : null;
    }

    /** The key whose hooks the caller sees: its own, or null (every key's) for an admin. */
    private Long onlyKey() {
        return identity.hasRole(Roles.ADMIN) ? null : keyId();
    }
}
