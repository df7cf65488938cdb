package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.model.LiveEventRecord;

@Description("A data release was committed (an upload, a fetch, the open dataset): the answers of queries may have changed.")
public record ReleasePublished(
        @NonNull @Description(LiveEvent.SEQUENCE) long sequence,
        @NonNull @Description("When the event was recorded (just after the release committed).") OffsetDateTime at,
        @NonNull @Description("The release.") DataRelease release) {

    public static ReleasePublished of(LiveEventRecord e, DataReleaseRecord r) {
        return new ReleasePublished(e.seq(), e.createdAt(), DataRelease.of(r));
    }
}
