package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CompanyIdentifierRecord;
import org.tradeflows.model.IdentifierScheme;

@Description("A registry identifier of a company.")
public record CompanyIdentifier(
        @NonNull @Description("The identifier scheme.") IdentifierScheme scheme,
        @NonNull @Description("The identifier as registered.") String value) {

    public static CompanyIdentifier of(CompanyIdentifierRecord r) {
        return new CompanyIdentifier(r.scheme(), r.value());
    }
}
