package org.tradeflows.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.tradeflows.api.engine.PersistedQueries;
import org.tradeflows.config.LiveConfig;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.LiveEventRecord;
import org.tradeflows.model.PersistedQueryRecord;
import org.tradeflows.model.WatchedAnswerRecord;
import org.tradeflows.store.Jdbc;
import org.tradeflows.store.LiveEventStore;

/**
 * The poller of live answers in this instance (one poll at a time). Every poll it (1) turns committed releases and sanctions into
 * numbered events (LiveEventStore), (2) sends subscribers that resume with a token what they missed, (3) sends every
 * new event to the subscribers that want it, each distinct subscription's look-up made once; and apart from the poll,
 * so that a slow re-run never holds up the events, it (4) re-runs the persisted queries someone watches after each new
 * release, recording an ANSWER_CHANGED event when an answer moved (sent on by the next poll).
 * Polling PostgreSQL rather than listening to this instance's own writes is what makes loads committed by another
 * process (the fetch command) or replica reach every subscriber, and a resume token valid on any replica.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);
    private static final ObjectMapper JSON = ExactJson.MAPPER;
    private static final int PAGE = 1000;
    private static final long HOUSEKEEPING_MILLIS = 60_000;

    private final LiveEventStore store;
    private final PersistedQueries queries;
    private final LiveConfig config;
    private final ConcurrentLinkedQueue<Subscriber> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger live = new AtomicInteger();
    /** Only the hub's thread touches what follows. */
    private final List<Subscriber> active = new ArrayList<>();
    private final Vertx vertx;
    private final AtomicBoolean polling = new AtomicBoolean();
    /** Answer checks run apart from the poll: a slow re-run of a watched query never holds up release and sanction events. */
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile long timer = -1;
    private volatile long cursor = -1;
    /** The newest release event sent on, and its release: written by the poll, read by the answer checks. */
    private volatile long latestReleaseSeq;
    private volatile long latestReleaseId;
    private long lastHousekeeping;

    public LiveHub(LiveEventStore store, PersistedQueries queries, LiveConfig config, Vertx vertx, MeterRegistry registry) {
        this.vertx = vertx;
        this.store = store;
        this.queries = queries;
        this.config = config;
        Gauge.builder("tradeflows.live.subscriptions", live, AtomicInteger::get)
                .description("Subscriptions this instance holds open now").register(registry);
    }

    /**
     * Polls on a worker thread of a Vert.x context of its own, one poll at a time: the fields of an event (a sanction's
     * company, batched) are resolved on the thread that emits it, and SmallRye hands batched fields to the emitting
     * thread's Vert.x context.
     */
    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            return;
        }
        long every = Math.max(10, config.pollInterval().toMillis());
        Context context = vertx.getOrCreateContext();
        context.runOnContext(ignored -> timer = vertx.setPeriodic(every, id -> {
            if (polling.compareAndSet(false, true)) {
                context.executeBlocking(() -> {
                    try {
                        Jdbc.background(this::poll); // serves no request: out of the per-request statement counter
                    } finally {
                        polling.set(false);
                    }
                    return null;
                }, false);
            }
            if (cursor >= 0 && checking.compareAndSet(false, true)) {
                context.executeBlocking(() -> {
                    try {
                        Jdbc.background(this::checkAnswers); // the re-runs of watched answers serve no request either
                    } catch (RuntimeException e) {
                        LOG.warnf("Live answers: checking watched answers failed (%s); trying again at the next poll", e.getMessage());
                    } finally {
                        checking.set(false);
                    }
                    return null;
                }, false);
            }
        }));
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * The events the selector wants, from the next one committed on (or, with {@code after}, from the first after that
     * sequence number that is still kept): each with the item the selector made for it. Never completes by itself.
     */
    public Multi<LiveSelector.Delivery> events(LiveSelector selector, Long after) {
        return Multi.createFrom().emitter(emitter -> {
            Subscriber s = new Subscriber(selector, after, emitter);
            live.incrementAndGet();
            emitter.onTermination(() -> {
                s.cancelled = true;
                live.decrementAndGet();
            });
            pending.add(s);
        });
    }

    /**
     * Watches the answer of a persisted query with its variables (canonical JSON) for an answerChanged subscription or
     * a webhook, until {@code tradeflows.live.watch-after-leave} from now (renewed while followed); a new watch beyond
     * {@code max-watched-answers} is refused, in words that name the {@code field} asking.
     */
    public void watch(String field, String hash, String variables) {
        if (store.watched(hash, variables).isEmpty() && store.watchedCount() >= config.maxWatchedAnswers()) {
            throw new BadUserInputException(field + ": the service already watches its limit of " + config.maxWatchedAnswers()
                    + " answers; follow one that is watched, or try again later");
        }
        store.watch(hash, variables, OffsetDateTime.now(ZoneOffset.UTC).plus(config.watchAfterLeave()));
    }

    /** Subscribers of this instance now (for tests and metrics). */
    public int subscribers() {
        return live.get();
    }

    /** The newest event this instance has sent on (or -1 before its first poll). */
    public long lastSent() {
        return cursor;
    }

    private void poll() {
        try {
            if (cursor < 0) {
                cursor = store.lastSeq();
                latestReleaseSeq = cursor; // watches older than this are compared again after a restart
                lastHousekeeping = System.currentTimeMillis();
            }
            if (store.outboxWaiting()) {
                store.publishOutbox();
            }
            resumePending();
            sendNew();
            if (System.currentTimeMillis() - lastHousekeeping > Math.min(HOUSEKEEPING_MILLIS, config.watchAfterLeave().toMillis() / 3)) {
                housekeeping();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Live answers: poll failed (%s); trying again at the next poll", e.getMessage());
        }
    }

    /** New subscribers: the ones with a resume token are sent what they missed, then all join the live ones. */
    private void resumePending() {
        for (Subscriber s; (s = pending.poll()) != null;) {
            if (s.cancelled) {
                continue;
            }
            if (s.after != null && s.after < cursor) {
                long from = s.after;
                while (from < cursor) {
                    List<LiveEventRecord> batch = store.after(from, PAGE).stream().filter(e -> e.seq() <= cursor).toList();
                    if (batch.isEmpty()) {
                        break;
                    }
                    s.send(s.selector.select(batch));
                    from = batch.get(batch.size() - 1).seq();
                }
            }
            s.lastSeq = Math.max(s.lastSeq, cursor);
            active.add(s);
        }
    }

    private void sendNew() {
        active.removeIf(s -> s.cancelled);
        while (true) {
            List<LiveEventRecord> batch = store.after(cursor, PAGE);
            if (batch.isEmpty()) {
                return;
            }
            Map<LiveSelector, List<Subscriber>> bySelector = new LinkedHashMap<>();
            for (Subscriber s : active) {
                bySelector.computeIfAbsent(s.selector, k -> new ArrayList<>()).add(s);
            }
            bySelector.forEach((selector, subscribers) -> {
                List<LiveSelector.Delivery> deliveries = selector.select(batch);
                subscribers.forEach(s -> s.send(deliveries));
            });
            for (LiveEventRecord e : batch) {
                if (e.kind().equals("RELEASE_PUBLISHED")) {
                    JsonNode payload = payload(e);
                    if (!payload.path("synthetic").asBoolean(false)) { // generated data never changes a real answer
                        latestReleaseSeq = e.seq();
                        latestReleaseId = payload.path("releaseId").asLong();
                    }
                }
            }
            cursor = batch.get(batch.size() - 1).seq();
        }
    }

    /** Gives new watches their first answer, and compares watched answers after the newest release. */
    private void checkAnswers() {
        long releaseSeq = latestReleaseSeq;
        long releaseId = latestReleaseId;
        for (WatchedAnswerRecord w : store.withoutAnswer()) {
            long seq = store.lastSeq(); // read before the answer: a release after it is compared again
            run(w).ifPresent(answer -> store.baseline(w.hash(), w.variables(), answer.toString(), seq));
        }
        if (releaseSeq <= 0) {
            return;
        }
        for (WatchedAnswerRecord w : store.uncheckedBefore(releaseSeq)) {
            Optional<JsonNode> now = run(w);
            JsonNode before = parse(w.answer());
            if (now.isEmpty() || now.get().equals(before)) { // a failed run is not a change
                store.recordCheck(w, releaseSeq, null, null);
                continue;
            }
            ObjectNode payload = JSON.createObjectNode();
            payload.put("hash", w.hash()).put("variables", w.variables()).put("releaseId", releaseId);
            payload.set("previous", before);
            payload.set("current", now.get());
            payload.set("changes", JSON.valueToTree(AnswerDiff.between(before, now.get())));
            store.recordCheck(w, releaseSeq, now.get().toString(), payload.toString());
        }
    }

    private Optional<JsonNode> run(WatchedAnswerRecord w) {
        Optional<PersistedQueryRecord> document = queries.registered(w.hash());
        return document.isEmpty() ? Optional.empty() : AnswerRunner.run(document.get().document(), w.variables());
    }

    /** Deletes old events and unwatched answers, and renews the watches of answers someone subscribes to or hooks. */
    private void housekeeping() {
        lastHousekeeping = System.currentTimeMillis();
        OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plus(config.watchAfterLeave());
        active.stream().map(s -> s.selector).distinct().filter(s -> s instanceof LiveSelectors.AnswerSelector)
                .map(s -> (LiveSelectors.AnswerSelector) s).forEach(a -> store.watch(a.hash(), a.variables(), until));
        store.watchHooked(until);
        store.prune(config.retention());
        store.forgetUnwatched();
    }

    static JsonNode payload(LiveEventRecord e) {
        return parse(e.payload());
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? JSON.nullNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("live event payload is not JSON", e);
        }
    }

    /** One subscription: what it wants, where it stands, where its events go. */
    private static final class Subscriber {
        final LiveSelector selector;
        final Long after;
        final MultiEmitter<? super LiveSelector.Delivery> emitter;
        volatile boolean cancelled;
        long lastSeq;

        Subscriber(LiveSelector selector, Long after, MultiEmitter<? super LiveSelector.Delivery> emitter) {
            this.selector = selector;
            this.after = after;
            this.emitter = emitter;
            this.lastSeq = after == null ? 0 : after;
        }

        void send(List<LiveSelector.Delivery> deliveries) {
            for (LiveSelector.Delivery d : deliveries) {
                if (cancelled) {
                    return;
                }
                if (d.seq() > lastSeq) {
                    lastSeq = d.seq();
                    emitter.emit(d);
                }
            }
        }
    }
}
