package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.AliasKind;

@Input("AliasInput")
@Description("Another name of a company, to add or (with only companyId and name) to remove.")
public record AliasInput(
        @NonNull @Id @Description("Global id of the company.") String companyId,
        @NonNull @Description("The name as written, 1 to 300 characters.") String name,
        @Description("What kind of name it is (default ALIAS); ignored when removing.") AliasKind kind,
        @Id @Description("Global id of the source that gives the name; ignored when removing.") String sourceId) {
}
