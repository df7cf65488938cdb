package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Who is asking: anonymous, or the holder of an API key with its roles.")
public record Viewer(
        @NonNull @Description("True when the request carried a valid API key.") boolean authenticated,
        @Description("Name of the key's holder; empty when anonymous.") String name,
        @NonNull @Description("Roles of the key: reader, curator, admin. Empty when anonymous (reading needs no role).") List<@NonNull String> roles) {
}
