package org.tradeflows.http;

import java.util.ArrayList;
import java.util.List;
import org.tradeflows.model.InputMessages;
import org.tradeflows.model.Printable;

/** The words for a path that names nothing, with the nearest path that does (a misspelled export, say). */
final class NotFoundAnswers {

    /** The paths a client is most likely to have meant; the README lists every endpoint. */
    static final List<String> KNOWN = known();

    private NotFoundAnswers() {
    }

    static String message(String path) {
        String p = path == null ? null : path.length() > 200 ? path.substring(0, 200) : path;
        String suggestion = p == null ? "" : InputMessages.suggestion(p, KNOWN);
        return (p == null ? "No such resource" : "No such path: " + Printable.of(p)) + suggestion
                + (suggestion.isEmpty() ? ". " : " ") + "The endpoints are POST or GET /graphql, "
                + "GET /export/{shipments,flows,trade-volumes,companies,findings}.{csv,ndjson} and POST /ingest/{format}; "
                + "GET /README.md lists them all";
    }

    private static List<String> known() {
        List<String> paths = new ArrayList<>(List.of("/", "/graphql", "/graphql/schema.graphql", "/explorer", "/examples",
                "/README.md", "/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi", "/q/graphql-ui/",
                "/q/swagger-ui/"));
        for (String name : List.of("shipments", "flows", "trade-volumes", "companies", "findings")) {
            for (String format : List.of("csv", "ndjson")) {
                paths.add("/export/" + name + "." + format);
            }
        }
        return List.copyOf(paths);
    }
}
