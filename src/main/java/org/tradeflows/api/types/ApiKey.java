package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.ApiKeyRecord;
import org.tradeflows.model.ApiRole;
import org.tradeflows.model.GlobalId;

@Description("An API key as the service keeps it: never the key itself, only its first characters to recognise it.")
public record ApiKey(
        @NonNull @Id @Description("Global id of the key (pass it to revokeApiKey).") String id,
        @NonNull @Description("Who or what holds the key, e.g. 'newsroom charts'.") String name,
        @NonNull @Description("What the key may do.") ApiRole role,
        @NonNull @Description("The first characters of the key, to tell keys apart.") String prefix,
        @NonNull @Description("When the key was created.") OffsetDateTime createdAt,
        @NonNull @Description("Who created it.") String createdBy,
        @Description("When it was revoked; empty while it works.") OffsetDateTime revokedAt,
        @Description("Who revoked it.") String revokedBy) {

    /** The key as the API shows it, its database id made a global id. */
    public static ApiKey of(ApiKeyRecord r) {
        return new ApiKey(GlobalId.of("ApiKey", r.id()), r.name(), r.role(), r.prefix(), r.createdAt(), r.createdBy(),
                r.revokedAt(), r.revokedBy());
    }
}
