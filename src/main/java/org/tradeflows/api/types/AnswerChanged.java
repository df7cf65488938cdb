package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A new release changed the answer of a persisted query (with these variables): both answers and where they differ.")
public record AnswerChanged(
        @NonNull @Description(LiveEvent.SEQUENCE) long sequence,
        @NonNull @Description("When the change was found (the query is run again after each release).") OffsetDateTime at,
        @NonNull @Description("The SHA-256 of the persisted query.") String sha256Hash,
        @NonNull @Description("Its variables, as canonical JSON (keys sorted).") String variables,
        @Description("The release after which the answer changed.") DataRelease release,
        @NonNull @Description("The answer's data before, as JSON.") String previousData,
        @NonNull @Description("The answer's data now, as JSON.") String data,
        @NonNull @Description("Where the two differ, value by value (at most 200; a last change with path … says how many more).")
        List<@NonNull AnswerChange> changes,
        @Ignore long releaseId) {
}
