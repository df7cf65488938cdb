package org.tradeflows.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.api.engine.LiveConnections;
import org.tradeflows.api.engine.PersistedQueries;
import org.tradeflows.api.live.ExactJson;
import org.tradeflows.api.live.LiveHub;
import org.tradeflows.api.live.LiveSelectors;
import org.tradeflows.api.types.AnswerChange;
import org.tradeflows.api.types.AnswerChanged;
import org.tradeflows.api.types.CorrectionRecorded;
import org.tradeflows.api.types.DataRelease;
import org.tradeflows.api.types.ReleasePublished;
import org.tradeflows.api.types.SanctionRecorded;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.input.Codes;
import org.tradeflows.input.SanctionFilter;
import org.tradeflows.model.ApiRole;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.CodedException;
import org.tradeflows.model.LiveEventRecord;
import org.tradeflows.store.AuditStore;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SanctionStore;

/**
 * Subscriptions (README, "Live answers"): over WebSocket (graphql-transport-ws on /graphql) or Server-Sent Events
 * (/graphql/stream). Each event carries its sequence number; a subscriber that comes back with the last one it saw
 * (the after argument, resumeAfter in connection_init, Last-Event-ID) is first sent what it missed.
 */
@GraphQLApi
public class LiveApi {

    private static final String AFTER = "Resume after this sequence number: first send the events after it that are "
            + "still kept, then the new ones. Default: the connection's resume token, if any, else only new events.";
    private static final ObjectMapper JSON = ExactJson.MAPPER; // the payloads of watched answers: decimals kept exact
    private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final LiveHub hub;
    private final ReleaseStore releases;
    private final SanctionStore sanctions;
    private final PersistedQueries queries;
    private final Codes codes;
    private final AuditStore audit;
    private final Context context;

    public LiveApi(LiveHub hub, ReleaseStore releases, SanctionStore sanctions, PersistedQueries queries, Codes codes,
            AuditStore audit, Context context) {
        this.hub = hub;
        this.releases = releases;
        this.sanctions = sanctions;
        this.queries = queries;
        this.codes = codes;
        this.audit = audit;
        this.context = context;
    }

    @Subscription("releasePublished")
    @Description("Every data release as it is committed (uploads, fetches, the open dataset).")
    public Multi<@NonNull ReleasePublished> releasePublished(
            @Name("includeSynthetic") @Description("Also synthetic (generated) releases (default false).") Boolean includeSynthetic,
            @Name("after") @Description(AFTER) Long after) {
        return hub.events(new LiveSelectors.ReleaseSelector(Boolean.TRUE.equals(includeSynthetic), releases), resumeAfter(after))
                .map(d -> {
                    LiveSelectors.ReleaseItem item = (LiveSelectors.ReleaseItem) d.item();
                    return ReleasePublished.of(item.event(), item.release());
                });
    }

    @Subscription("sanctionRecorded")
    @Description("Every sanctions listing as it is recorded, those the filter takes (as the sanctions query reads it).")
    public Multi<@NonNull SanctionRecorded> sanctionRecorded(
            @Name("filter") @Description("Conditions the listings must meet.") SanctionFilter filter,
            @Name("after") @Description(AFTER) Long after) {
        SanctionFilter f = filter == null ? null : new SanctionFilter(filter.authorities(),
                codes.countries("filter.companyCountries", filter.companyCountries()), filter.inForceOn(),
                filter.confirmed(), filter.includeSynthetic());
        return hub.events(new LiveSelectors.SanctionSelector(f, sanctions), resumeAfter(after)).map(d -> {
            LiveSelectors.SanctionItem item = (LiveSelectors.SanctionItem) d.item();
            return SanctionRecorded.of(item.event(), item.sanction());
        });
    }

    @Subscription("correctionRecorded")
    @Description("Every curator's correction as it is recorded (its audit entry): for curator and admin keys only, given in "
            + "the upgrade request's Authorization header or as authorization in the connection_init payload.")
    public Multi<@NonNull CorrectionRecorded> correctionRecorded(@Name("after") @Description(AFTER) Long after) {
        String role = Objects.toString(graphQlContext().get(LiveConnections.ROLE), null);
        if (role == null) {
            throw new CodedException(ErrorCodes.UNAUTHENTICATED, "correctionRecorded: needs a curator's or admin's API key, "
                    + "sent as 'Authorization: Bearer <key>' with the upgrade request or as authorization in the "
                    + "connection_init payload");
        }
        if (!role.equals(ApiRole.CURATOR.name()) && !role.equals(ApiRole.ADMIN.name())) {
            throw new CodedException(ErrorCodes.FORBIDDEN, "correctionRecorded: needs a curator's or admin's API key; "
                    + "this key's role is " + role);
        }
        return hub.events(new LiveSelectors.CorrectionSelector(audit), resumeAfter(after)).map(d -> {
            LiveSelectors.CorrectionItem item = (LiveSelectors.CorrectionItem) d.item();
            return CorrectionRecorded.of(item.event(), item.entry());
        });
    }

    @Subscription("answerChanged")
    @Description("The answer of a persisted query (with these variables) each time a new release changes it, with the "
            + "answer before and after and where they differ. The query is run when you subscribe (its first answer is "
            + "what the next one is compared with) and again after every release; nothing is sent while it stays the same.")
    public Multi<@NonNull AnswerChanged> answerChanged(
            @NonNull @Name("sha256Hash") @Description("The SHA-256 of a registered document (registerPersistedQuery, the examples).") String hash,
            @Name("variables") @Description("Its variables, as a JSON object (default none).") String variables,
            @Name("after") @Description(AFTER) Long after) {
        String sha = registered(queries, "sha256Hash", hash);
        String canonical = canonical(variables);
        hub.watch("answerChanged", sha, canonical);
        return hub.events(new LiveSelectors.AnswerSelector(sha, canonical), resumeAfter(after))
                .map(d -> answerChanged((LiveEventRecord) d.item()));
    }

    private AnswerChanged answerChanged(LiveEventRecord e) {
        try {
            JsonNode p = JSON.readTree(e.payload());
            long releaseId = p.path("releaseId").asLong();
            DataRelease release = releaseId == 0 ? null
                    : releases.byIds(List.of(releaseId)).stream().findFirst().map(DataRelease::of).orElse(null);
            List<AnswerChange> changes = new java.util.ArrayList<>();
            for (JsonNode c : p.path("changes")) {
                changes.add(new AnswerChange(c.path("path").asText(), c.path("before").textValue(), c.path("after").textValue()));
            }
            return new AnswerChanged(e.seq(), e.createdAt(), p.path("hash").asText(), p.path("variables").asText(), release,
                    p.path("previous").toString(), p.path("current").toString(), changes, releaseId);
        } catch (java.io.IOException x) {
            throw new IllegalStateException("answer change payload is not JSON", x);
        }
    }

    /** The hash in lower case, when a document is registered under it (what answerChanged and webhooks re-run). */
    static String registered(PersistedQueries queries, String argument, String hash) {
        String sha = hash.trim().toLowerCase(Locale.ROOT);
        if (queries.registered(sha).isEmpty()) {
            throw new BadUserInputException(argument + ": no query is registered under " + sha + "; register the document "
                    + "first (registerPersistedQuery) or use one of the examples");
        }
        return sha;
    }

    /** The variables as canonical JSON (keys sorted at every level), so equal variables watch one answer. */
    static String canonical(String variables) {
        if (variables == null || variables.isBlank()) {
            return "{}";
        }
        try {
            JsonNode node = JSON.readTree(variables);
            if (node == null || !node.isObject()) {
                throw new BadUserInputException("variables: a JSON object, e.g. {\"first\": 5}");
            }
            return SORTED.writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (java.io.IOException e) {
            throw new BadUserInputException("variables: not valid JSON; pass a JSON object, e.g. {\"first\": 5}");
        }
    }

    /** The argument, else the resume token the connection was opened with. */
    private Long resumeAfter(Long after) {
        if (after != null) {
            return after;
        }
        Object token = graphQlContext().get(LiveConnections.RESUME_AFTER);
        return token instanceof Number n ? n.longValue() : null;
    }

    /** What the WebSocket or event stream handler left for the subscription: its resume token, its key's role. */
    private GraphQLContext graphQlContext() {
        return context.unwrap(DataFetchingEnvironment.class).getGraphQlContext();
    }
}
