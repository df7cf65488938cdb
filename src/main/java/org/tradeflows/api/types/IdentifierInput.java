package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.IdentifierScheme;

@Input("IdentifierInput")
@Description("A registry identifier of a company, to add or to remove.")
public record IdentifierInput(
        @NonNull @Id @Description("Global id of the company.") String companyId,
        @NonNull @Description("The identifier scheme.") IdentifierScheme scheme,
        @NonNull @Description("The identifier as registered (INN: 10 or 12 digits, OGRN: 13 or 15, KPP: 9 characters, "
                + "USCC: 18, LEI: 20).") String value,
        @Id @Description("Global id of the source that gives it; ignored when removing.") String sourceId) {
}
