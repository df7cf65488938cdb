package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CompanyRole;
import org.tradeflows.model.FindingCompanyRecord;

@Description("A company a finding speaks about, and in which role.")
public record FindingCompany(
        @NonNull @Description("Its role in the finding.") CompanyRole role,
        @NonNull @Description("The company.") Company company) {

    public static FindingCompany of(FindingCompanyRecord r) {
        return new FindingCompany(r.role(), Company.of(r.company()));
    }
}
