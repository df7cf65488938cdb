package org.tradeflows.ingest.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.tradeflows.config.IngestConfig;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.http.HttpAnswers;

/**
 * Lets uploads to {@code /ingest/} be larger than {@code quarkus.http.limits.max-body-size}, which stays the
 * limit of every other endpoint (GraphQL reads whole bodies into memory; ingest streams them). Quarkus enforces
 * that limit in a route of order -2, by the Content-Length header or, for chunked bodies, by a routing-context
 * key the body stream reads; for ingest paths the header is set aside before that route and the ingest limit
 * ({@code tradeflows.ingest.max-upload-size}, bytes, 0 for none) put in its place after it.
 */
@ApplicationScoped
public class IngestUploadLimit {

    private static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";
    private static final String PATH = "/ingest/*";

    private final long limit;

    public IngestUploadLimit(IngestConfig config) {
        this.limit = config.maxUploadSize();
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    void install(@Observes Router router) {
        router.route(PATH).order(-3).handler(rc -> {
            String length = rc.request().headers().get("Content-Length");
            if (length != null) {
                if (limit > 0 && parse(length) > limit) {
                    rc.response().putHeader("Connection", "close");
                    HttpAnswers.error(rc, 413, ErrorCodes.REQUEST_TOO_LARGE,
                            "The upload is larger than the limit of " + limit + " bytes (TRADEFLOWS_INGEST_MAX_UPLOAD_SIZE)");
                    return;
                }
                rc.request().headers().remove("Content-Length");
                rc.put("tradeflows.content-length", length);
            }
            rc.next();
        });
        router.route(PATH).order(-1).handler(rc -> {
            if (limit > 0) {
                rc.put(MAX_REQUEST_SIZE_KEY, limit);
            } else {
                rc.remove(MAX_REQUEST_SIZE_KEY);
            }
            String length = rc.get("tradeflows.content-length");
            if (length != null) {
                rc.request().headers().set("Content-Length", length);
            }
            rc.next();
        });
    }
}
