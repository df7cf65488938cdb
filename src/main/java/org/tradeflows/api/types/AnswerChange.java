package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One value of an answer that changed.")
public record AnswerChange(
        @NonNull @Description("Where in the answer's data, e.g. tradeVolumes.edges[1].node.value.amount (lists by position).") String path,
        @Description("The value before, as JSON; empty where there was none.") String before,
        @Description("The value after, as JSON; empty where there is none now.") String after) {
}
