package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.WebhookRecord;

@Description("A URL sent a signed POST each time a new release changes the answer of a persisted query (README, \"Webhooks\"). "
        + "Its secret is shown only by createWebhook.")
public record Webhook(
        @NonNull @Id @Description("Global id of the webhook (deliveries name it in X-Tradeflows-Webhook and webhookId).") String id,
        @NonNull @Description("The SHA-256 of the persisted query whose answer it follows.") String sha256Hash,
        @NonNull @Description("Its variables, as canonical JSON (keys sorted).") String variables,
        @NonNull @Description("Where deliveries are posted.") String url,
        @NonNull @Description("Whether its deliveries arrive.") WebhookStatus status,
        @Description("Since when it is FAILING; empty while ACTIVE.") OffsetDateTime failingSince,
        @NonNull @Description("When it was made.") OffsetDateTime createdAt,
        @NonNull @Description("Who made it: the key's holder and number.") String createdBy) {

    public static Webhook of(WebhookRecord r) {
        return new Webhook(GlobalId.of("Webhook", r.id()), r.hash(), r.variables(), r.url(),
                r.failingSince() == null ? WebhookStatus.ACTIVE : WebhookStatus.FAILING, r.failingSince(), r.createdAt(),
                r.createdBy());
    }
}
