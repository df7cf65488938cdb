package org.tradeflows.http;

/** Every value of {@code extensions.code} the API answers with; the README lists them with their meaning. */
public final class ErrorCodes {
    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    public static final String TIMEOUT = "TIMEOUT";
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
    public static final String INTERNAL = "INTERNAL";
    public static final String GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    public static final String GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE";
    /** startFetch while another fetch is queued or running (one fetch at a time). */
    public static final String FETCH_ALREADY_RUNNING = "FETCH_ALREADY_RUNNING";

    /** A persisted-query request named a hash no document is registered under (Apollo's PersistedQueryNotFound). */
    public static final String PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    /** extensions.persistedQuery.sha256Hash is not the SHA-256 of the query text sent with it. */
    public static final String PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
    /** Allow-list mode (tradeflows.graphql.persisted.only): the query is not a registered document. */
    public static final String PERSISTED_QUERY_NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED";

    /** createWebhook: the URL is not allowed (not https, host not on the allow-list, resolves to a private address). */
    public static final String WEBHOOK_URL_REFUSED = "WEBHOOK_URL_REFUSED";
    /** createWebhook: the key holds tradeflows.webhooks.hooks-per-key hooks already. */
    public static final String WEBHOOK_LIMIT_REACHED = "WEBHOOK_LIMIT_REACHED";

    private ErrorCodes() {
    }

    /** Codes of failures that may pass by themselves: such answers must not be cached. */
    public static boolean isTransient(String code) {
        return TIMEOUT.equals(code) || SERVICE_UNAVAILABLE.equals(code) || INTERNAL.equals(code) || RATE_LIMITED.equals(code);
    }
}
