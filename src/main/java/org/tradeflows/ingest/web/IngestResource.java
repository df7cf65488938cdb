package org.tradeflows.ingest.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.tradeflows.api.errors.ErrorClassifier;
import org.tradeflows.api.errors.ErrorCodes;
import org.tradeflows.db.DataAccessException;
import org.tradeflows.ingest.IngestFormat;
import org.tradeflows.ingest.IngestOptions;
import org.tradeflows.ingest.IngestReport;
import org.tradeflows.ingest.SourceOptions;
import org.tradeflows.security.Roles;

/**
 * {@code POST /ingest/{format}}: the request body is the file, streamed to the parser as it arrives (never held
 * whole); the answer is the load's JSON report. Curators only. 200 when the file is loaded (or was already, or a
 * dry run passed), 422 when it is rejected or unreadable (nothing written), 400 for a bad request, 503
 * (SERVICE_UNAVAILABLE) when the database connection was lost mid-load (rolled back, nothing written).
 */
@Path("/ingest")
@RolesAllowed(Roles.CURATOR)
public class IngestResource {

    private static final Logger LOG = Logger.getLogger(IngestResource.class);

    private final IngestService ingest;

    public IngestResource(IngestService ingest) {
        this.ingest = ingest;
    }

    @POST
    @Path("/{format}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("format") String format, InputStream body,
            @QueryParam("source") String source,
            @QueryParam("sourceTitle") String sourceTitle,
            @QueryParam("sourceKind") String sourceKind,
            @QueryParam("sourcePublisher") String sourcePublisher,
            @QueryParam("sourceUrl") String sourceUrl,
            @QueryParam("sourceLicence") String sourceLicence,
            @QueryParam("sourceCitation") String sourceCitation,
            @QueryParam("sourcePublishedOn") String sourcePublishedOn,
            @QueryParam("keepValid") @DefaultValue("false") boolean keepValid,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("fileName") String fileName,
            @QueryParam("charset") String charset) {
        IngestOptions options;
        try {
            IngestFormat f = IngestFormat.byKey(format);
            LocalDate publishedOn = sourcePublishedOn == null || sourcePublishedOn.isBlank() ? null
                    : LocalDate.parse(sourcePublishedOn);
            options = IngestOptions.of(f, new SourceOptions(source, sourceTitle, sourceKind, sourcePublisher, sourceUrl,
                    sourceLicence, sourceCitation, publishedOn)).keepValid(keepValid).dryRun(dryRun).fileName(fileName)
                    .charset(charset);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Response.status(400).entity(Map.of("error", e.getMessage())).build();
        }
        try {
            IngestReport report = ingest.load(body, options);
            return Response.status(report.succeeded() ? 200 : 422).entity(report).build();
        } catch (UncheckedIOException e) {
            LOG.warnf("Upload of %s broke off: %s", format, e.getMessage());
            return Response.status(400).entity(Map.of("error", "The upload broke off before the end of the file; "
                    + "nothing was loaded.")).build();
        } catch (DataAccessException | IllegalStateException e) {
            ErrorClassifier.Coded coded = ErrorClassifier.classify(e, null);
            if (ErrorCodes.SERVICE_UNAVAILABLE.equals(coded.code())) {
                LOG.warnf("Loading %s lost its database connection: %s", format, e.getMessage());
                return error(503, coded.code(), "The database connection was lost during the load, which was rolled "
                        + "back: nothing was loaded. Upload the file again in a few seconds.");
            }
            LOG.errorf(e, "Loading %s failed", format);
            return error(500, coded.code(), "The load failed in the database and was rolled back; nothing was loaded. "
                    + coded.message());
        }
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("errors", List.of(Map.of(
                "message", message, "extensions", Map.of("code", code))))).build();
    }
}
