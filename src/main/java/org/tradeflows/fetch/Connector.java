package org.tradeflows.fetch;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A publisher's data, fetched by name: it downloads from the publisher's official address (configurable), streams
 * the body through the filter into the existing loader (ingest/), and makes one FETCH data release with the
 * publisher's provenance, in one transaction on {@code c}: a fetch is loaded whole or not at all.
 */
public interface Connector {

    /** The name on the command line and in the API: baci, later comtrade, opensanctions, ecb, comext. */
    String name();

    /** The publisher's version a request will fetch (the request's, or the configured default). */
    String version(FetchRequest request);

    /** The address the request downloads. */
    String url(FetchRequest request);

    /**
     * Fetches and loads; throws {@link FetchException} with a code when it fails (after rolling back).
     */
    FetchOutcome fetch(Connection c, FetchRequest request, FetchProgress progress) throws SQLException;

    /** A configured base address ending in one slash, so that paths can be appended to it. */
    static String folder(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /**
     * The version of a publisher that serves only what it has now: "latest", or a {@code BAD_REQUEST} saying why no
     * other version can be asked for ({@code advice}, in the user's words).
     */
    static String latestOnly(FetchRequest request, String advice) {
        String asked = request.version() == null ? "" : request.version().trim();
        if (!asked.isEmpty() && !"latest".equals(asked)) {
            throw new FetchException(FetchException.BAD_REQUEST, "version: " + advice);
        }
        return "latest";
    }
}
