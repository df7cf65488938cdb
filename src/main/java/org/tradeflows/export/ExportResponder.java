package org.tradeflows.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.tradeflows.http.HttpAnswers;
import org.tradeflows.query.ExportQuery;
import org.tradeflows.store.ReleaseStore;

/**
 * How every export request is read and answered, whichever resource serves it: the {@code filter} parameter is read
 * as the GraphQL input type it names, as strictly as GraphQL reads it ({@link FilterJson#strict}); the answer streams
 * the query's rows with the file name, the release header and {@code no-store} of every export.
 */
@ApplicationScoped
public class ExportResponder {

    private final ExportStreamer streamer;
    private final ReleaseStore releases;
    private final ObjectMapper json;

    public ExportResponder(ExportStreamer streamer, ReleaseStore releases, ObjectMapper json) {
        this.streamer = streamer;
        this.releases = releases;
        this.json = FilterJson.strict(json);
    }

    /** The filter parameter as the input type {@code type}; null when it is absent or blank. */
    public <T> T filter(String filter, Class<T> type) {
        return filter == null || filter.isBlank() ? null : FilterJson.read(json, filter, type);
    }

    public Response respond(ExportQuery query, String extension, String filter) {
        return respond(query, extension, filter, null, null);
    }

    /**
     * @param groupBy the dimensions of a grouped export, named in the file's metadata; null for none
     * @param asOfRelease the release an export was read as of (named in its file and header); null: the latest
     */
    public Response respond(ExportQuery query, String extension, String filter, String groupBy, Long asOfRelease) {
        ExportFormat format = ExportFormat.of(extension);
        String release = asOfRelease != null ? releases.byIds(List.of(asOfRelease)).get(0).key()
                : releases.current().map(r -> r.key()).orElse("none");
        String file = "tradeflows-" + query.name() + "-" + release + "." + format.extension;
        return Response.ok(streamer.stream(query, format,
                new ExportMetadata(query.name(), release, filter, groupBy), UUID.randomUUID().toString()), format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header(HttpAnswers.RELEASE_HEADER, release)
                .header("Cache-Control", "no-store")
                .build();
    }
}
