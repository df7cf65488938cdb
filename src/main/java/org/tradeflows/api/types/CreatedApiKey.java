package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CreatedApiKeyRecord;

@Description("A new API key. The key is shown this once and never again: only its hash is stored.")
public record CreatedApiKey(
        @NonNull @Description("The key to send as 'Authorization: Bearer <key>'. Store it now; it cannot be shown again.") String key,
        @NonNull @Description("The key's record.") ApiKey apiKey) {

    public static CreatedApiKey of(CreatedApiKeyRecord r) {
        return new CreatedApiKey(r.key(), ApiKey.of(r.apiKey()));
    }
}
