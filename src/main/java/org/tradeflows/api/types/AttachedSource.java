package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A record's source after attachSource.")
public record AttachedSource(
        @NonNull @Id @Description("Global id of the record.") String recordId,
        @NonNull @Description("The source the record now cites.") SourceType source,
        @Description("The source it cited before, if any.") SourceType previousSource) {
}
