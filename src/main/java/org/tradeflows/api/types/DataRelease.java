package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.ReleaseKind;

@Description("One load of data: every loaded row belongs to exactly one release.")
public record DataRelease(
        @NonNull @org.eclipse.microprofile.graphql.Id @Description("Global id.") String id,
        @NonNull @Description("Unique key of the release.") String key,
        @NonNull @Description("Version of the loaded content.") String version,
        @NonNull @Description("What the release holds.") ReleaseKind kind,
        @NonNull @Description("True for generated data; synthetic releases are never part of the open dataset.") boolean synthetic,
        @NonNull @Description("When it was loaded.") OffsetDateTime releasedAt,
        @NonNull @Description("SHA-256 of the loaded files.") String contentSha256,
        @NonNull @Description("Row counts by kind, as a JSON object.") String counts,
        @Description("What changed.") String changelog,
        @Ignore Long sourceId) implements Node {

    public static DataRelease of(DataReleaseRecord r) {
        return new DataRelease(GlobalId.of("DataRelease", r.id()), r.key(), r.version(), r.kind(), r.synthetic(),
                r.releasedAt(), r.contentSha256(), r.counts(), r.changelog(), r.sourceId());
    }

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public String getId() {
        return id;
    }
}
