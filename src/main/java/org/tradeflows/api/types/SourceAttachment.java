package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SourceAttachment")
@Description("The source to attach to a record (a Company, Sanction, Finding or TradeVolume), replacing its present one.")
public record SourceAttachment(
        @NonNull @Id @Description("Global id of the record.") String recordId,
        @NonNull @Id @Description("Global id of the source.") String sourceId) {
}
