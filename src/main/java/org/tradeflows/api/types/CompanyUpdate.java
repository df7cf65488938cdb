package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CompanyUpdate")
@Description("New values for a company's fields. A field left out (or null) keeps its value; an empty string clears it "
        + "(except name, which is required).")
public record CompanyUpdate(
        @NonNull @Id @Description("Global id of the company.") String id,
        @Description("Name in Latin script, 1 to 300 characters.") String name,
        @Description("Name in its original script, up to 300 characters.") String nameOriginal,
        @Description("ISO 3166-1 alpha-2 code of the country of registration.") String countryCode,
        @Description("City of registration, up to 200 characters.") String city,
        @Description("Special economic zone, up to 200 characters.") String specialEconomicZone,
        @Description("What the sources say the company does, up to 4000 characters.") String description) {
}
