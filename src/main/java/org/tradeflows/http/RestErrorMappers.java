package org.tradeflows.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.NotFoundException;

/**
 * Every failure of a REST endpoint (exports, uploads, pages) answered as GraphQL answers: JSON with
 * {@code errors[].extensions.code}, a message in a user's words, never a class name, SQL or an empty body. A database
 * that is unavailable is a 503 with Retry-After, a timeout a 504, anything unknown a 500 with a log reference.
 */
public class RestErrorMappers {

    /** Seconds a client should wait before retrying when the database is unavailable. */
    public static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response badInput(BadUserInputException e) {
        return answer(400, ErrorCodes.BAD_USER_INPUT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return answer(404, ErrorCodes.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.fromResponse(answer(401, ErrorCodes.UNAUTHENTICATED, "Authorization: this needs an API key, sent as "
                + "'Authorization: Bearer <key>'; uploads need role curator")).header("WWW-Authenticate",
                        "Bearer realm=\"tradeflows\"").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Response.fromResponse(answer(401, ErrorCodes.UNAUTHENTICATED, "Authorization: the API key is unknown or was "
                + "revoked, or the header is not 'Bearer <key>'")).header("WWW-Authenticate", "Bearer realm=\"tradeflows\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(403, ErrorCodes.FORBIDDEN, "Authorization: the role of this API key does not allow it; uploads and "
                + "corrections need role curator, keys and the audit trail role admin");
    }

    /** The statuses JAX-RS itself decides: no such path or format (404), method (405), media type (406, 415), ... */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, Request request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            ErrorClassifier.Coded c = ErrorClassifier.classify(e, null);
            return answer(HttpAnswers.status(c.code()), c.code(), c.message());
        }
        Response r = switch (status) {
            case 404 -> answer(404, ErrorCodes.NOT_FOUND, NotFoundAnswers.message(uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "")));
            case 405 -> answer(405, ErrorCodes.METHOD_NOT_ALLOWED, (request == null ? "This method" : request.getMethod())
                    + " is not allowed on this path" + allowed(e));
            case 406 -> answer(406, ErrorCodes.BAD_REQUEST, "Accept: this path answers in none of the types the request "
                    + "accepts");
            case 413 -> answer(413, ErrorCodes.REQUEST_TOO_LARGE, "The request body is larger than this path takes");
            case 415 -> answer(415, ErrorCodes.BAD_REQUEST, "Content-Type: this path does not take that media type");
            default -> answer(status, ErrorCodes.BAD_REQUEST, "The request was refused (HTTP " + status + ")");
        };
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(r).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return r;
    }

    /** Anything else: database conditions get their code, the rest is INTERNAL with a reference in the log. */
    @ServerExceptionMapper
    public Response thrown(Throwable e) {
        ErrorClassifier.Coded c = ErrorClassifier.classify(e, null);
        return answer(HttpAnswers.status(c.code()), c.code(), c.message());
    }

    private static String allowed(WebApplicationException e) {
        String allow = e.getResponse() == null ? null : e.getResponse().getHeaderString("Allow");
        return allow == null ? "" : "; it takes " + allow.toUpperCase(Locale.ROOT);
    }

    public static Response answer(int status, String code, String message) {
        Response.ResponseBuilder b = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(HttpAnswers.body(code, message));
        if (ErrorCodes.SERVICE_UNAVAILABLE.equals(code)) {
            b.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return b.build();
    }
}
