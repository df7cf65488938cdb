package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MergeInput")
@Description("Two records of the same company: the merged one's flows, findings, sanctions, aliases and identifiers "
        + "move to the survivor, and its id resolves to the survivor from then on.")
public record MergeInput(
        @NonNull @Id @Description("Global id of the company that remains.") String survivorId,
        @NonNull @Id @Description("Global id of the company merged into it.") String mergedId) {
}
