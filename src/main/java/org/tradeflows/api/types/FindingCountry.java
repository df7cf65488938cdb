package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CountryRole;

@Description("A country a finding speaks about, and in which role.")
public record FindingCountry(
        @NonNull @Description("Its role in the finding.") CountryRole role,
        @NonNull @Description("The country.") Country country) {
}
