package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A webhook and its cursor.")
public record WebhookEdge(
        @NonNull @Description("Opaque cursor of this item; pass it as `after` to continue after it.") String cursor,
        @NonNull @Description("The webhook.") Webhook node) {
}
