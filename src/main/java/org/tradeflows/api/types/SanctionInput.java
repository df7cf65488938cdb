package org.tradeflows.api.types;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.SanctionAuthority;

@Input("SanctionInput")
@Description("A sanctions listing to record.")
public record SanctionInput(
        @NonNull @Id @Description("Global id of the listed company.") String companyId,
        @NonNull @Description("The listing authority.") SanctionAuthority authority,
        @Description("Program or legal basis, up to 200 characters.") String program,
        @Description("Date of listing; leave out when no source gives it.") LocalDate listedOn,
        @Description("Date the listing ended; leave out while in force.") LocalDate endedOn,
        @Description("False where the listing is only reported (default true).") Boolean confirmed,
        @NonNull @Id @Description("Global id of the source that gives the listing.") String sourceId,
        @Description("Remarks, up to 2000 characters.") String note) {
}
