package org.tradeflows.api.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.OperationDefinition;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.model.SourceRecord;
import org.tradeflows.http.ErrorClassifier;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.http.HttpAnswers;
import org.tradeflows.input.ReleaseRefs;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.model.PersistedQueryRecord;
import org.tradeflows.store.DataVersion;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SourceStore;

/**
 * {@code GET /q/{sha256}?variables=…&asOf=RELEASE&operationName=…}: a registered query's answer as the data stood at
 * a release, with how to cite it ({@link Citation}) in {@code extensions.cite}, or, by content negotiation (Accept, or
 * {@code ?format=}), the citation alone as text/plain, BibTeX or CSL-JSON.
 *
 * <p>A query that declares {@code $asOf} is pinned: it is given the release the URL names (or, without one, the newest,
 * which the cited permalink then names), and an answer for a URL that names its release never changes: it is sent
 * {@code immutable}. A query without {@code $asOf} cannot be read as of a release: its answer is the latest data, the
 * citation says so and names the data version and release it was read at, and an {@code asOf} for it is refused.
 *
 * <p>The query runs as on /graphql: on a worker thread, within the request's time budget, under the engine's limits,
 * its answer kept ({@link ResponseCache}) under the data version.
 */
final class PermalinkHandler extends SmallRyeGraphQLAbstractHandler {

    /** The permalink path: 64 hexadecimal digits under /q/, so that Quarkus's own /q/health, /q/metrics… are untouched. */
    static final String PATH_REGEX = "/q/[0-9a-fA-F]{64}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final String RUN_BLOCKING = "runBlocking";
    /** Most sources and releases one citation looks up: an answer naming more cites the first ones. */
    private static final int MAX_CITED = 50;

    enum Format {
        JSON("application/json; charset=UTF-8"), TEXT("text/plain; charset=UTF-8"), BIBTEX("application/x-bibtex; charset=UTF-8"),
        CSL("application/vnd.citationstyles.csl+json; charset=UTF-8");

        final String type;

        Format(String type) {
            this.type = type;
        }
    }

    /** What the handler answers: status, type, body and caching. */
    private record Answer(int status, String type, String body, String cacheControl) {
    }

    /** A refusal before or instead of running the query: a coded error. */
    private static final class Refused extends RuntimeException {
        final int status;
        final String code;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    private final PersistedQueries queries;
    private final ReleaseRefs releaseRefs;
    private final ReleaseStore releases;
    private final SourceStore sources;
    private final DataVersion dataVersion;
    private final ResponseCache responseCache;
    private final Duration budget;
    private final Duration latestMaxAge;
    private final Duration pinnedMaxAge;

    PermalinkHandler(CurrentIdentityAssociation identity, CurrentVertxRequest request, PersistedQueries queries,
            ReleaseRefs releaseRefs, ReleaseStore releases, SourceStore sources, DataVersion dataVersion,
            ResponseCache responseCache, Duration budget, Duration latestMaxAge, Duration pinnedMaxAge) {
        super(identity, request, false);
        this.queries = queries;
        this.releaseRefs = releaseRefs;
        this.releases = releases;
        this.sources = sources;
        this.dataVersion = dataVersion;
        this.responseCache = responseCache;
        this.budget = budget;
        this.latestMaxAge = latestMaxAge;
        this.pinnedMaxAge = pinnedMaxAge;
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        Format format;
        try {
            format = format(ctx);
        } catch (Refused r) {
            HttpAnswers.error(ctx, r.status, r.code, r.getMessage());
            return;
        }
        String hash = ctx.normalizedPath().substring(3).toLowerCase(Locale.ROOT);
        Map<String, Object> metaData = new HashMap<>(getMetaData(ctx)); // captured while the request context is active
        metaData.put(RUN_BLOCKING, Boolean.TRUE);
        String authorization = ctx.request().getHeader("Authorization");
        String base = ctx.request().scheme() + "://" + Optional.ofNullable(ctx.request().getHeader("Host")).orElse("localhost");
        Map<String, String> params = new HashMap<>();
        for (String p : List.of("variables", "asOf", "operationName")) {
            String v = ctx.request().getParam(p);
            if (v != null && !v.isBlank()) {
                params.put(p, v);
            }
        }
        Context context = Vertx.currentContext();
        RequestBudget spending = RequestBudget.start(context, budget.toMillis());
        long timer = ctx.vertx().setTimer(Math.max(1, budget.toMillis()), id -> {
            if (!ctx.response().ended() && spending.claimAnswer()) {
                ctx.vertx().executeBlocking(() -> {
                    spending.spend();
                    return null;
                }, false);
                HttpAnswers.error(ctx, 504, ErrorCodes.TIMEOUT, "The query took longer than the limit of "
                        + budget.toMillis() / 1000.0 + " s for one request and was stopped");
            }
        });
        ctx.addEndHandler(ended -> ctx.vertx().cancelTimer(timer));
        context.executeBlocking(() -> answer(hash, format, params, metaData, authorization, base), false).onComplete(done -> {
            if (ctx.response().ended() || !spending.claimAnswer()) {
                return; // answered TIMEOUT meanwhile
            }
            if (done.succeeded()) {
                Answer a = done.result();
                ctx.response().setStatusCode(a.status()).putHeader("Content-Type", a.type())
                        .putHeader("Cache-Control", a.cacheControl()).putHeader("Vary", "Accept, Authorization")
                        .end(a.body());
            } else if (done.cause() instanceof Refused r) {
                HttpAnswers.error(ctx, r.status, r.code, r.getMessage());
            } else {
                ErrorClassifier.Coded c = GraphQLErrors.classify(done.cause(), null);
                HttpAnswers.error(ctx, ErrorCodes.SERVICE_UNAVAILABLE.equals(c.code()) ? 503
                        : ErrorCodes.TIMEOUT.equals(c.code()) ? 504 : 500, c.code(), c.message());
            }
        });
    }

    /** On a worker thread: finds the document, pins it, runs it (or takes the kept answer) and cites it. */
    private Answer answer(String hash, Format format, Map<String, String> params, Map<String, Object> metaData,
            String authorization, String base) throws Exception {
        PersistedQueryRecord document = queries.registered(hash).orElseThrow(() -> new Refused(404, ErrorCodes.NOT_FOUND,
                "No query is registered under the SHA-256 " + hash + "; an admin registers one with registerPersistedQuery "
                        + "(the example queries are registered at start)"));
        GraphQLRequest request;
        OperationDefinition operation;
        try {
            request = GraphQLRequest.fromParameters(document.document(), params.get("variables"), params.get("operationName"));
            operation = request.operation(request.parse()).orElseThrow(() -> new Refused(400, ErrorCodes.BAD_USER_INPUT,
                    "operationName: the query holds several operations; name the one to run"));
        } catch (GraphQLRequest.Refused r) {
            throw new Refused(400, r.code(), r.getMessage());
        }
        ObjectNode variables = request.variables() == null ? JSON.createObjectNode() : ((ObjectNode) request.variables()).deepCopy();
        String asOf = params.get("asOf");
        if (asOf == null && variables.path("asOf").isTextual()) {
            asOf = variables.get("asOf").asText();
        }
        variables.remove("asOf");
        boolean takesAsOf = operation.getVariableDefinitions().stream().anyMatch(v -> v.getName().equals("asOf"));
        if (asOf != null && !takesAsOf) {
            throw new Refused(400, ErrorCodes.BAD_USER_INPUT, "asOf: this query declares no $asOf variable, so its answer "
                    + "cannot be read as of a release; leave asOf out for the latest data (the citation names its data version)");
        }
        DataReleaseRecord release;
        try {
            long id = asOf != null ? releaseRefs.release("asOf", asOf) : releases.newestId();
            release = id == 0 ? null : releases.byIds(List.of(id)).stream().findFirst().orElse(null);
        } catch (BadUserInputException e) {
            throw new Refused(400, ErrorCodes.BAD_USER_INPUT, e.getMessage());
        }
        boolean pinned = takesAsOf && release != null;
        ObjectNode runWith = variables.deepCopy();
        if (pinned) {
            runWith.put("asOf", release.key());
        }
        GraphQLRequest run = new GraphQLRequest(document.document(), runWith.isEmpty() ? null : runWith, request.operationName());
        long version = dataVersion.current();
        String key = "permalink " + version + " " + GraphQLQueryHandler.fingerprint(run, authorization);
        byte[] body = responseCache.get(key).map(ResponseCache.Answer::body).orElse(null);
        if (body == null) {
            body = execute(run, metaData);
        }
        ObjectNode result = (ObjectNode) JSON.readTree(body);
        boolean failed = result.path("errors").isArray() && !result.path("errors").isEmpty();
        if (!failed) {
            responseCache.put(key, new ResponseCache.Answer(Format.JSON.type, body));
        }
        if (failed && (result.path("data").isNull() || result.path("data").isMissingNode())) {
            return new Answer(400, Format.JSON.type, result.toString(), "no-store");
        }
        Citation cite = cite(document, hash, base, release, pinned, version, variables, request.operationName(),
                result.path("data"));
        String cacheControl = failed ? "no-store"
                : (authorization == null ? "public" : "private") + ", max-age=" + (pinned && asOf != null
                        ? pinnedMaxAge.toSeconds() + ", immutable" : String.valueOf(latestMaxAge.toSeconds()));
        return switch (format) {
            case JSON -> {
                ObjectNode extensions = result.has("extensions") && result.get("extensions").isObject()
                        ? (ObjectNode) result.get("extensions") : result.putObject("extensions");
                extensions.set("cite", JSON.valueToTree(cite.toMap()));
                yield new Answer(200, format.type, result.toString(), cacheControl);
            }
            case TEXT -> new Answer(200, format.type, cite.text(), cacheControl);
            case BIBTEX -> new Answer(200, format.type, cite.bibtex(), cacheControl);
            case CSL -> new Answer(200, format.type, HttpAnswers.json(cite.csl()), cacheControl);
        };
    }

    /** Runs the query here (this worker thread), as /graphql runs one, and gives the answer's JSON. */
    private byte[] execute(GraphQLRequest run, Map<String, Object> metaData) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        try {
            getExecutionService().executeAsync(GraphQLQueryHandler.input(run), metaData, new ExecutionResponseWriter() {
                @Override
                public void write(ExecutionResponse er) {
                    answer.complete(er.getExecutionResultAsString());
                }

                @Override
                public void fail(Throwable t) {
                    answer.completeExceptionally(t);
                }
            });
        } finally {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
        }
        try {
            return answer.get(budget.toMillis(), TimeUnit.MILLISECONDS).getBytes(StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            throw new Refused(504, ErrorCodes.TIMEOUT, "The query took longer than its time budget");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The citation: the sources and fetched releases the answer names (every source { key } and release { key }). */
    private Citation cite(PersistedQueryRecord document, String hash, String base, DataReleaseRecord release, boolean pinned,
            long version, ObjectNode variables, String operationName, JsonNode data) throws Exception {
        Set<String> sourceKeys = new LinkedHashSet<>();
        Set<String> releaseKeys = new LinkedHashSet<>();
        named(data, null, sourceKeys, releaseKeys);
        List<SourceRecord> cited = new ArrayList<>();
        for (String k : sourceKeys.stream().limit(MAX_CITED).toList()) {
            sources.byKey(k).ifPresent(cited::add);
        }
        List<Long> ids = new ArrayList<>();
        for (String k : releaseKeys.stream().limit(MAX_CITED).toList()) {
            releases.byReference(k).ifPresent(ids::add);
        }
        List<DataReleaseRecord> all = ids.isEmpty() ? List.of() : releases.byIds(ids);
        // the source each named release loaded (uploads and fetches alike) is cited too
        Set<String> citedKeys = new LinkedHashSet<>(cited.stream().map(SourceRecord::key).toList());
        List<Long> sourceIds = all.stream().map(DataReleaseRecord::sourceId).filter(java.util.Objects::nonNull).distinct().toList();
        if (!sourceIds.isEmpty()) {
            sources.byIds(sourceIds).stream().filter(s -> citedKeys.add(s.key())).forEach(cited::add);
        }
        List<DataReleaseRecord> named = all.stream().filter(r -> r.provenance() != null).toList();
        StringBuilder link = new StringBuilder(base).append("/q/").append(hash);
        String sep = "?";
        if (release != null && pinned) {
            link.append(sep).append("asOf=").append(encode(release.key()));
            sep = "&";
        }
        if (!variables.isEmpty()) {
            Map<?, ?> sorted = JSON.treeToValue(variables, TreeMap.class);
            link.append(sep).append("variables=").append(encode(SORTED.writeValueAsString(sorted)));
            sep = "&";
        }
        if (operationName != null) {
            link.append(sep).append("operationName=").append(encode(operationName));
        }
        String title = document.name() != null ? document.name() : "Tradeflows query " + hash.substring(0, 12);
        String note = pinned ? null : "This query takes no $asOf: the answer is the latest data (data version " + version
                + (release == null ? "" : ", newest release " + release.key()) + ") and may change when data is loaded "
                + "or corrected.";
        return new Citation(title, hash, link.toString(), LocalDate.now(ZoneOffset.UTC), release, pinned, version, note,
                SourceType.of(cited), named);
    }

    /** Collects the keys of every object under a field named source or release (lists included). */
    private static void named(JsonNode node, String field, Set<String> sourceKeys, Set<String> releaseKeys) {
        if (node.isArray()) {
            node.forEach(n -> named(n, field, sourceKeys, releaseKeys));
        } else if (node.isObject()) {
            if (node.path("key").isTextual() && field != null) {
                if (field.equals("source") || field.equals("sources")) {
                    sourceKeys.add(node.get("key").asText());
                } else if (field.equals("release") || field.equals("releases")) {
                    releaseKeys.add(node.get("key").asText());
                }
            }
            node.properties().forEach(e -> named(e.getValue(), e.getKey(), sourceKeys, releaseKeys));
        }
    }

    /** The answer's format: ?format= first, else the most acceptable type the client lists; 406 when none is served. */
    static Format format(RoutingContext ctx) {
        String asked = ctx.request().getParam("format");
        if (asked != null) {
            return switch (asked.toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "text" -> Format.TEXT;
                case "bibtex" -> Format.BIBTEX;
                case "csl", "csl-json" -> Format.CSL;
                default -> throw new Refused(400, ErrorCodes.BAD_REQUEST, "format: json, text, bibtex or csl-json");
            };
        }
        String accept = ctx.request().getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return Format.JSON;
        }
        for (String type : acceptedTypes(accept)) {
            switch (type) {
                case "application/json", "application/graphql-response+json", "application/*", "*/*":
                    return Format.JSON;
                case "text/plain", "text/*":
                    return Format.TEXT;
                case "application/x-bibtex", "text/x-bibtex":
                    return Format.BIBTEX;
                case "application/vnd.citationstyles.csl+json":
                    return Format.CSL;
                default:
                    break;
            }
        }
        throw new Refused(406, ErrorCodes.BAD_REQUEST, "Accept: a permalink answers application/json (the answer with "
                + "its citation), text/plain, application/x-bibtex or application/vnd.citationstyles.csl+json");
    }

    /** The media types of an Accept header, most preferred first (by q, then in the order listed); q=0 left out. */
    static List<String> acceptedTypes(String accept) {
        record Ranked(String type, double q, int order) {
        }
        List<Ranked> ranked = new ArrayList<>();
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] p = parts[i].split(";");
            double q = 1;
            for (int j = 1; j < p.length; j++) {
                String param = p[j].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0) {
                ranked.add(new Ranked(p[0].trim().toLowerCase(Locale.ROOT), q, i));
            }
        }
        ranked.sort(java.util.Comparator.comparingDouble((Ranked r) -> -r.q()).thenComparingInt(Ranked::order));
        return ranked.stream().map(Ranked::type).toList();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
