package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.FetchRunRecord;
import org.tradeflows.model.FetchState;
import org.tradeflows.model.GlobalId;

@Description("One fetch from a publisher (role admin): its state, progress, rows, error and the release it made.")
public record FetchRun(
        @NonNull @org.eclipse.microprofile.graphql.Id @Description("Global id.") String id,
        @NonNull @Description("The publisher's data fetched: baci, ...") String source,
        @NonNull @Description("Where the fetch stands.") FetchState state,
        @NonNull @Description("What was asked for, as years=…;exporters=…;importers=…;hs=… (empty: all).") String filter,
        @NonNull @Description("A dry run downloads and checks everything and writes no rows.") boolean dryRun,
        @NonNull @Description("Who started it: an API key's holder, the fetch command or the schedule.") String requestedBy,
        @Description("The publisher's version fetched (BACI: 202501).") String upstreamVersion,
        @Description("The address downloaded.") String url,
        @NonNull @Description("When it was queued.") OffsetDateTime createdAt,
        @Description("When it started.") OffsetDateTime startedAt,
        @Description("When it ended.") OffsetDateTime finishedAt,
        @NonNull @Description("Bytes downloaded so far.") String bytesRead,
        @Description("The download's size, when the publisher gave it.") String bytesTotal,
        @NonNull @Description("Rows read so far (after the filter).") String rowsRead,
        @NonNull @Description("Rows inserted or changed.") String rowsLoaded,
        @Description("Why it failed, as a code: DOWNLOAD_FAILED, VERSION_NOT_PUBLISHED, CORRUPT_ARCHIVE, "
                + "VERSION_MISMATCH, OLDER_VERSION, NO_SUCH_YEARS, ROWS_REJECTED, BAD_REQUEST, INTERRUPTED, FETCH_FAILED.")
        String errorCode,
        @Description("Why it failed, in words.") String error,
        @Description("What it did, in words.") String message,
        @Ignore Long releaseId) {

    public static FetchRun of(FetchRunRecord r) {
        return new FetchRun(GlobalId.of("FetchRun", r.id()), r.source(), r.state(), r.filter(), r.dryRun(), r.requestedBy(),
                r.upstreamVersion(), r.url(), r.createdAt(), r.startedAt(), r.finishedAt(), String.valueOf(r.bytesRead()),
                r.bytesTotal() == null ? null : String.valueOf(r.bytesTotal()), String.valueOf(r.rowsRead()),
                String.valueOf(r.rowsLoaded()), r.errorCode(), r.errorMessage(), r.message(), r.releaseId());
    }
}
