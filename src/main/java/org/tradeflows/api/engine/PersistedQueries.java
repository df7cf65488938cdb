package org.tradeflows.api.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.tradeflows.config.PersistedQueriesConfig;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.model.AuditAction;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.PersistedQueryRecord;
import org.tradeflows.security.AuditTrail;
import org.tradeflows.store.PersistedQueryStore;

/**
 * The documents a client may send by hash: those registered in PostgreSQL (by an admin, or from graphql/examples and
 * graphql/explorer at start), and, outside allow-list mode, those clients registered themselves by sending a text with its hash (Apollo's
 * automatic persisted queries), kept in memory only and at most {@code automatic-max} of them, as Apollo's servers do.
 * A hash names one text for good, so a registered document once read is kept in memory too.
 */
@ApplicationScoped
public class PersistedQueries {

    private static final Logger LOG = Logger.getLogger(PersistedQueries.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** A directory of committed documents registered at start: its INDEX lists them, one NAME (of NAME.graphql) a line. */
    private record Committed(String directory, String origin, String namePrefix) {
    }

    /** The example queries, and the explorer's own queries (which must run in allow-list mode and have permalinks). */
    private static final Committed EXAMPLES = new Committed("graphql/examples/", "EXAMPLE", "");
    private static final Committed EXPLORER = new Committed("graphql/explorer/", "EXPLORER", "explorer/");
    /** Longest a document may be to be registered: the /graphql body limit is of the same order. */
    private static final int MAX_DOCUMENT = 100_000;

    private final PersistedQueryStore store;
    private final AuditTrail audit;
    private final PersistedQueriesConfig config;
    private final Cache<String, PersistedQueryRecord> registered = Caffeine.newBuilder().maximumSize(10_000).build();
    /** Hashes found unregistered lately: another replica may register one, so they are asked again after a while. */
    private final Cache<String, Boolean> unregistered = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(10)).build();
    private final Cache<String, String> automatic;

    public PersistedQueries(PersistedQueryStore store, AuditTrail audit, PersistedQueriesConfig config) {
        this.store = store;
        this.audit = audit;
        this.config = config;
        this.automatic = Caffeine.newBuilder().maximumSize(Math.max(0, config.automaticMax())).build();
    }

    public boolean allowListOnly() {
        return config.only();
    }

    /** The SHA-256 of a document's text (UTF-8), in lower-case hex: the name Apollo's clients give it. */
    public static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isHash(String s) {
        return s != null && SHA256.matcher(s).matches();
    }

    /** The registered document with this hash (blocking: it may read the database). */
    public Optional<PersistedQueryRecord> registered(String sha256) {
        PersistedQueryRecord known = registered.getIfPresent(sha256);
        if (known != null) {
            return Optional.of(known);
        }
        if (unregistered.getIfPresent(sha256) != null) {
            return Optional.empty();
        }
        Optional<PersistedQueryRecord> found = store.bySha256(sha256);
        found.ifPresentOrElse(r -> registered.put(sha256, r), () -> unregistered.put(sha256, Boolean.TRUE));
        return found;
    }

    /** The text a hash names: a registered document, else (outside allow-list mode) one a client registered. */
    public Optional<String> text(String sha256) {
        Optional<PersistedQueryRecord> r = registered(sha256);
        if (r.isPresent()) {
            return Optional.of(r.get().document());
        }
        return config.only() ? Optional.empty() : Optional.ofNullable(automatic.getIfPresent(sha256));
    }

    /** Remembers a text a client sent with its (checked) hash, outside allow-list mode. */
    public void rememberAutomatic(String sha256, String text) {
        if (!config.only() && config.automaticMax() > 0) {
            automatic.put(sha256, text);
        }
    }

    /**
     * Registers a document of queries (role admin), audited; a document registered already is answered as it is (its
     * first registration stands, and is not audited again).
     */
    @Transactional
    public PersistedQueryRecord register(String document, String name) {
        String text = checked(document);
        String title = name == null || name.isBlank() ? null : name.trim();
        if (title != null && (title.length() > 200 || title.chars().anyMatch(Character::isISOControl))) {
            throw new BadUserInputException("name: at most 200 characters without control characters");
        }
        String hash = sha256(text);
        Optional<PersistedQueryRecord> inserted = store.insert(hash, text, title, "ADMIN", audit.actor());
        if (inserted.isEmpty()) {
            return store.bySha256(hash).orElseThrow();
        }
        PersistedQueryRecord r = inserted.get();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("sha256", r.sha256());
        after.put("name", r.name());
        after.put("document", r.document());
        audit.record(AuditAction.REGISTER_PERSISTED_QUERY, "PersistedQuery", r.id(), null, after);
        unregistered.invalidate(hash);
        return r;
    }

    /** A document that may be registered: one that parses and whose operations are all queries. */
    private static String checked(String document) {
        if (document == null || document.isBlank()) {
            throw new BadUserInputException("document: required, a GraphQL document of one or more queries");
        }
        if (document.length() > MAX_DOCUMENT) {
            throw new BadUserInputException("document: longer than " + MAX_DOCUMENT + " characters");
        }
        Document parsed;
        try {
            parsed = GraphQLRequest.fromParameters(document, null, null).parse();
        } catch (GraphQLRequest.Refused refused) {
            throw new BadUserInputException("document: " + refused.getMessage());
        }
        List<OperationDefinition> ops = parsed.getDefinitionsOfType(OperationDefinition.class);
        if (ops.isEmpty() || ops.stream().anyMatch(o -> o.getOperation() != OperationDefinition.Operation.QUERY)) {
            throw new BadUserInputException("document: only queries can be registered (permalinks re-run them, and a "
                    + "mutation needs a key of its own); this document holds " + (ops.isEmpty() ? "no operation"
                            : "a " + ops.stream().filter(o -> o.getOperation() != OperationDefinition.Operation.QUERY)
                                    .findFirst().orElseThrow().getOperation().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return document;
    }

    /**
     * Registers the committed queries at start: the examples (unless register-examples is off), so that clients may send
     * them by hash and newsrooms cite them, and always the explorer's, which it sends as they are (so it runs in
     * allow-list mode) and whose permalinks it offers.
     */
    void registerCommitted(@Observes StartupEvent started) {
        List<Committed> directories = config.registerExamples() ? List.of(EXAMPLES, EXPLORER) : List.of(EXPLORER);
        int added = 0;
        for (Committed dir : directories) {
            List<String> names = read(dir.directory() + "INDEX").orElse("").lines().map(String::trim)
                    .filter(l -> !l.isEmpty()).toList();
            for (String name : names) {
                Optional<String> text = read(dir.directory() + name + ".graphql");
                if (text.isEmpty()) {
                    LOG.warnf("%s%s.graphql is listed in its INDEX but missing: not registered", dir.directory(), name);
                    continue;
                }
                try {
                    String document = checked(text.get());
                    if (store.insert(sha256(document), document, dir.namePrefix() + name, dir.origin(),
                            dir.directory().substring(0, dir.directory().length() - 1)).isPresent()) {
                        added++;
                    }
                } catch (BadUserInputException e) {
                    LOG.warnf("%s%s not registered as a persisted query: %s", dir.directory(), name, e.getMessage());
                } catch (RuntimeException e) { // the database is down: the service starts anyway, as readiness reports
                    LOG.warnf("The committed queries were not registered as persisted queries: %s", e.getMessage());
                    return;
                }
            }
        }
        LOG.debugf("Registered %d committed queries as persisted queries", added);
    }

    private static Optional<String> read(String file) {
        try (InputStream in = PersistedQueries.class.getClassLoader().getResourceAsStream(file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why a persisted-query request cannot run; {@link #code} is its extensions.code. */
    static final class Refusal extends Exception {
        final String code;

        Refusal(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /**
     * The text a request runs, after the persisted-query checks: {@code hash} from extensions.persistedQuery (or null),
     * {@code query} as sent (or null). Blocking (it may read the database).
     */
    String resolve(String hash, String query, String operationName) throws Refusal {
        if (hash != null) {
            if (query != null) {
                if (!hash.equals(sha256(query))) {
                    throw new Refusal(ErrorCodes.PERSISTED_QUERY_HASH_MISMATCH, "extensions.persistedQuery.sha256Hash: "
                            + "not the SHA-256 of the query text sent with it (" + sha256(query) + "); hash the exact "
                            + "text sent, UTF-8, as lower-case hex");
                }
                allowed(hash, query, operationName);
                rememberAutomatic(hash, query);
                return query;
            }
            return text(hash).orElseThrow(() -> new Refusal(ErrorCodes.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound"));
        }
        if (query != null && config.only()) {
            allowed(sha256(query), query, operationName);
        }
        return query;
    }

    /** In allow-list mode, a query that is not registered is refused; a mutation goes on (it needs a key anyway). */
    private void allowed(String hash, String query, String operationName) throws Refusal {
        if (!config.only() || registered(hash).isPresent() || isMutation(query, operationName)) {
            return;
        }
        throw new Refusal(ErrorCodes.PERSISTED_QUERY_NOT_ALLOWED, "This service runs only registered queries "
                + "(allow-list mode) and no query is registered under the SHA-256 " + hash + "; use one of the registered "
                + "documents (graphql/examples, graphql/explorer, or ask an admin to register yours with registerPersistedQuery)");
    }

    private static boolean isMutation(String query, String operationName) {
        try {
            GraphQLRequest request = GraphQLRequest.fromParameters(query, null, operationName);
            return request.operation(request.parse()).map(o -> o.getOperation() == OperationDefinition.Operation.MUTATION)
                    .orElse(false);
        } catch (GraphQLRequest.Refused refused) {
            return false;
        }
    }
}
