package org.tradeflows.ingest.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.tradeflows.http.ErrorClassifier;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.http.HttpAnswers;
import org.tradeflows.http.RestErrorMappers;
import org.tradeflows.ingest.IngestFormat;
import org.tradeflows.ingest.IngestOptions;
import org.tradeflows.ingest.IngestReport;
import org.tradeflows.ingest.SourceOptions;
import org.tradeflows.model.InputMessages;
import org.tradeflows.security.Roles;
import org.tradeflows.store.DataAccessException;

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

    private static final ObjectMapper REPORT = new ObjectMapper().findAndRegisterModules();

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
            @QueryParam("charset") String charset,
            @QueryParam("replace") @DefaultValue("false") boolean replace) {
        IngestOptions options;
        try {
            IngestFormat f = IngestFormat.byKey(format);
            LocalDate publishedOn = sourcePublishedOn == null || sourcePublishedOn.isBlank() ? null
                    : LocalDate.parse(sourcePublishedOn);
            options = IngestOptions.of(f, new SourceOptions(source, sourceTitle, sourceKind, sourcePublisher, sourceUrl,
                    sourceLicence, sourceCitation, publishedOn)).keepValid(keepValid).dryRun(dryRun).fileName(fileName)
                    .charset(charset).replace(replace);
        } catch (DateTimeParseException e) {
            return RestErrorMappers.answer(400, ErrorCodes.BAD_USER_INPUT, InputMessages.notADate("sourcePublishedOn",
                    sourcePublishedOn));
        } catch (IllegalArgumentException e) {
            return RestErrorMappers.answer(400, ErrorCodes.BAD_USER_INPUT, e.getMessage());
        }
        try {
            IngestReport report = ingest.load(body, options);
            return report.succeeded() ? Response.ok(report).build()
                    : Response.status(422).entity(withErrors(report)).build();
        } catch (UncheckedIOException e) {
            LOG.warnf("Upload of %s broke off: %s", format, e.getMessage());
            return RestErrorMappers.answer(400, ErrorCodes.BAD_REQUEST, "The upload broke off before the end of the file; "
                    + "nothing was loaded.");
        } catch (DataAccessException | IllegalStateException e) {
            ErrorClassifier.Coded coded = ErrorClassifier.classify(e, null);
            if (ErrorCodes.SERVICE_UNAVAILABLE.equals(coded.code())) {
                LOG.warnf("Loading %s lost its database connection: %s", format, e.getMessage());
                return RestErrorMappers.answer(503, coded.code(), "The database connection was lost during the load, "
                        + "which was rolled back: nothing was loaded. Upload the file again in a few seconds.");
            }
            LOG.errorf(e, "Loading %s failed", format);
            return RestErrorMappers.answer(HttpAnswers.status(coded.code()), coded.code(), "The load failed in the "
                    + "database and was rolled back; nothing was loaded. " + coded.message());
        }
    }

    /**
     * A refused file's report, with the {@code errors[].extensions.code} every error answer carries (BAD_USER_INPUT:
     * the file is what must change), so that a client reads every refusal the same way.
     */
    private static Map<String, Object> withErrors(IngestReport report) {
        Map<String, Object> body = new LinkedHashMap<>(REPORT.convertValue(report, new TypeReference<Map<String, Object>>() { }));
        String message = report.error() == null ? report.message()
                : report.error() + (report.errorLine() == null ? "" : " (line " + report.errorLine() + ")") + ". "
                        + report.message();
        body.put("errors", List.of(HttpAnswers.errorOf(ErrorCodes.BAD_USER_INPUT, message)));
        return body;
    }
}
