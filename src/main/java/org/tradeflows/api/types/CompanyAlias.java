package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.AliasKind;

@Description("Another name of a company.")
public record CompanyAlias(
        @NonNull @Description("The name as written.") String name,
        @NonNull @Description("What kind of name it is.") AliasKind kind) {
}
