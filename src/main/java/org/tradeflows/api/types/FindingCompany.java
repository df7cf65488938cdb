package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CompanyRole;

@Description("A company a finding speaks about, and in which role.")
public record FindingCompany(
        @NonNull @Description("Its role in the finding.") CompanyRole role,
        @NonNull @Description("The company.") Company company) {
}
