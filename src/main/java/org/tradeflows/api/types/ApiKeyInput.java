package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.ApiRole;

@Input("ApiKeyInput")
@Description("A key to create.")
public record ApiKeyInput(
        @NonNull @Description("Who or what will hold the key, 1 to 100 characters.") String name,
        @NonNull @Description("What the key may do.") ApiRole role) {
}
