package org.tradeflows.api.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.List;
import org.tradeflows.http.ErrorCodes;

/**
 * A GraphQL request as sent over HTTP (query, variables, operationName), checked before it reaches the engine so
 * that a malformed body or document is answered with a coded error rather than a bare status or a stack trace.
 */
public record GraphQLRequest(String query, JsonNode variables, String operationName) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Why a request cannot be run; the code and message go to the client as they are, with the status GraphQL over
     * HTTP gives a request error in the answer's media type (HttpAnswers.requestError).
     */
    public static final class Refused extends Exception {
        private final String code;
        private final boolean unparsable;

        Refused(String code, String message) {
            this(code, message, false);
        }

        private Refused(String code, String message, boolean unparsable) {
            super(message, null, false, false);
            this.code = code;
            this.unparsable = unparsable;
        }

        public String code() {
            return code;
        }

        /** A body that is not JSON at all: GraphQL over HTTP answers it 400 in every media type, not only in its own. */
        public boolean unparsable() {
            return unparsable;
        }
    }

    /**
     * Whether a POST with this Content-Type carries the document alone (application/graphql), not a JSON request;
     * media types are compared without regard to case. application/graphql-response+json is an answer's type, not this.
     */
    public static boolean isDocumentAlone(String contentType) {
        String type = contentType == null ? "" : contentType.trim().toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/graphql") && !type.startsWith("application/graphql-response");
    }

    /** The body of a POST: a JSON object with a string `query`, an optional object `variables`, an optional `operationName`. */
    public static GraphQLRequest fromJson(String body) throws Refused {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (java.io.IOException | RuntimeException e) {
            throw new Refused(ErrorCodes.BAD_REQUEST, "The request body is not valid JSON; send {\"query\": \"...\", "
                    + "\"variables\": {...}}", true);
        }
        if (root == null || !root.isObject()) {
            throw badRequest("The request body must be a JSON object with a `query` string (batches of operations are not supported)");
        }
        return of(root.get("query"), root.get("variables"), root.get("operationName"), root.get("extensions"));
    }

    /** The parameters of a GET: query, variables (JSON text) and operationName. */
    public static GraphQLRequest fromParameters(String query, String variables, String operationName) throws Refused {
        JsonNode vars = null;
        if (variables != null && !variables.isBlank()) {
            try {
                vars = JSON.readTree(variables);
            } catch (java.io.IOException | RuntimeException e) {
                throw badRequest("variables: not valid JSON; pass a JSON object, URL-encoded");
            }
        }
        return of(query == null ? null : JSON.getNodeFactory().textNode(query), vars,
                operationName == null || operationName.isEmpty() ? null : JSON.getNodeFactory().textNode(operationName), null);
    }

    private static GraphQLRequest of(JsonNode query, JsonNode variables, JsonNode operationName, JsonNode extensions)
            throws Refused {
        if (query == null || !query.isTextual() || query.asText().isBlank()) {
            throw badRequest("query: required, a GraphQL document as a string");
        }
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            throw badRequest("variables: must be a JSON object of variable names to values");
        }
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            throw badRequest("operationName: must be a string");
        }
        if (extensions != null && !extensions.isNull() && !extensions.isObject()) {
            throw badRequest("extensions: must be a JSON object");
        }
        return new GraphQLRequest(query.asText(), variables == null || variables.isNull() ? null : variables,
                operationName == null || operationName.isNull() ? null : operationName.asText());
    }

    /** Documents that parsed, by their text: clients send the same few queries again and again (documents are immutable). */
    private static final Cache<String, Document> PARSED = Caffeine.newBuilder().maximumSize(2_000).build();

    /**
     * Parses the document with graphql-java's own limits (tokens, nesting); a failure is GRAPHQL_PARSE_FAILED. A text
     * that parsed before is not parsed again.
     */
    public Document parse() throws Refused {
        Document known = PARSED.getIfPresent(query);
        if (known != null) {
            return known;
        }
        try {
            Document document = Parser.parse(query);
            PARSED.put(query, document);
            return document;
        } catch (InvalidSyntaxException e) {
            throw new Refused(ErrorCodes.GRAPHQL_PARSE_FAILED,
                    e.getMessage() == null ? "The query is not a valid GraphQL document" : e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // hostile nesting can exhaust the parser itself; it is still only a document that does not parse
            throw new Refused(ErrorCodes.GRAPHQL_PARSE_FAILED,
                    "The query is not a valid GraphQL document or nests too deeply to parse");
        }
    }

    /** The operation that would run: the one named, or the only one. Empty when that is ambiguous (the engine says why). */
    public java.util.Optional<OperationDefinition> operation(Document document) {
        List<OperationDefinition> ops = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName != null) {
            return ops.stream().filter(o -> operationName.equals(o.getName())).findFirst();
        }
        return ops.size() == 1 ? java.util.Optional.of(ops.get(0)) : java.util.Optional.empty();
    }

    public String variablesJson() {
        return variables == null ? null : variables.toString();
    }

    private static Refused badRequest(String message) {
        return new Refused(ErrorCodes.BAD_REQUEST, message);
    }
}
