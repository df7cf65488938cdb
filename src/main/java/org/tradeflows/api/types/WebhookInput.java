package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("WebhookInput")
@Description("A webhook to make: the persisted query (with its variables) whose answer it follows, and where to post.")
public record WebhookInput(
        @NonNull @Description("The SHA-256 of a registered document (registerPersistedQuery, the examples).") String sha256Hash,
        @Description("Its variables, as a JSON object (default none).") String variables,
        @NonNull @Description("An https URL on a host the service's admin allowed (tradeflows.webhooks.allowed-hosts), resolving to public addresses only.") String url) {
}
