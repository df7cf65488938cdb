package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CountryRole;
import org.tradeflows.model.FindingCountryRecord;

@Description("A country a finding speaks about, and in which role.")
public record FindingCountry(
        @NonNull @Description("Its role in the finding.") CountryRole role,
        @NonNull @Description("The country.") Country country) {

    public static FindingCountry of(FindingCountryRecord r) {
        return new FindingCountry(r.role(), Country.of(r.country()));
    }
}
