package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The outcome of a merge.")
public record MergeResult(
        @NonNull @Description("The company that remains, now with everything of the merged one.") Company survivor,
        @NonNull @Id @Description("Global id of the merge's audit entry; pass it to undoMerge to revert the merge.") String auditEntryId) {
}
