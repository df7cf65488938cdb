package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CreatedWebhookRecord;

@Description("A new webhook with its secret. The secret is shown this once: keep it to check the signature of every delivery.")
public record CreatedWebhook(
        @NonNull @Description("The HMAC-SHA256 key of the deliveries' signatures (README, \"Webhooks\"). Store it now; it cannot be shown again.") String secret,
        @NonNull @Description("The webhook.") Webhook webhook) {

    public static CreatedWebhook of(CreatedWebhookRecord r) {
        return new CreatedWebhook(r.secret(), Webhook.of(r.webhook()));
    }
}
