package org.tradeflows.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.tradeflows.http.HttpAnswers;
import org.tradeflows.query.ExportQuery;
import org.tradeflows.store.ReleaseStore;

/**
 * Answers an export request with the streamed rows of a query: the file name and release header of every export.
 * The same answer as ExportResource's own (which may move here), for the exports of other resources.
 */
@ApplicationScoped
public class ExportResponder {

    private final ExportStreamer streamer;
    private final ReleaseStore releases;

    public ExportResponder(ExportStreamer streamer, ReleaseStore releases) {
        this.streamer = streamer;
        this.releases = releases;
    }

    public Response respond(ExportQuery query, String extension, String filter) {
        ExportFormat format = ExportFormat.of(extension);
        String release = releases.current().map(r -> r.key()).orElse("none");
        String file = "tradeflows-" + query.name() + "-" + release + "." + format.extension;
        return Response.ok(streamer.stream(query, format, new ExportMetadata(query.name(), release, filter, null),
                        UUID.randomUUID().toString()), format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header(HttpAnswers.RELEASE_HEADER, release)
                .header("Cache-Control", "no-store")
                .build();
    }
}
