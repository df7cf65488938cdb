package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.AliasKind;
import org.tradeflows.model.CompanyAliasRecord;

@Description("Another name of a company.")
public record CompanyAlias(
        @NonNull @Description("The name as written.") String name,
        @NonNull @Description("What kind of name it is.") AliasKind kind) {

    public static CompanyAlias of(CompanyAliasRecord r) {
        return new CompanyAlias(r.name(), r.kind());
    }
}
