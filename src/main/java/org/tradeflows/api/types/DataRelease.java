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
        @NonNull @Description("SHA-256 of the loaded files (of the downloaded archive, for a fetch).") String contentSha256,
        @NonNull @Description("Row counts by kind, as a JSON object.") String counts,
        @Description("What changed.") String changelog,
        @Description("For a fetched release: the publisher (e.g. CEPII).") String publisher,
        @Description("For a fetched release: the publisher's own version (BACI: 202501). Rows of one source come from "
                + "one upstream version at a time.") String upstreamVersion,
        @Description("For a fetched release: the address it was downloaded from.") String url,
        @Description("For a fetched release: the publisher's licence.") String licence,
        @Description("For a fetched release: the citation the publisher asks for.") String citation,
        @Description("For a fetched release: when it was downloaded.") OffsetDateTime retrievedAt,
        @Description("For a fetched release: what was taken, as years=…;exporters=…;importers=…;hs=… (empty: all).")
        String fetchFilter,
        @Ignore Long sourceId) implements Node {

    public static DataRelease of(DataReleaseRecord r) {
        DataReleaseRecord.Provenance p = r.provenance();
        return new DataRelease(GlobalId.of("DataRelease", r.id()), r.key(), r.version(), r.kind(), r.synthetic(),
                r.releasedAt(), r.contentSha256(), r.counts(), r.changelog(), p == null ? null : p.publisher(),
                p == null ? null : p.upstreamVersion(), p == null ? null : p.url(), p == null ? null : p.licence(),
                p == null ? null : p.citation(), p == null ? null : p.retrievedAt(), p == null ? null : p.filter(),
                r.sourceId());
    }

    @Override
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public String getId() {
        return id;
    }
}
