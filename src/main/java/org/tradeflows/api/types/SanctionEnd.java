package org.tradeflows.api.types;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SanctionEnd")
@Description("The end of a sanctions listing.")
public record SanctionEnd(
        @NonNull @Id @Description("Global id of the listing.") String sanctionId,
        @NonNull @Description("The day the listing ended (not before it began).") LocalDate endedOn) {
}
