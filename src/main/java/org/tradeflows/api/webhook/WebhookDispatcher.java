package org.tradeflows.api.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.tradeflows.config.WebhooksConfig;
import org.tradeflows.model.DueDeliveryRecord;
import org.tradeflows.security.WebhookSignatures;
import org.tradeflows.store.Jdbc;
import org.tradeflows.store.WebhookStore;

/**
 * Sends the deliveries that are due, on threads of its own (never an event loop): every poll interval it claims as
 * many as it has free senders, posts each signed (README, "Webhooks") and records the attempt; a failed one is tried
 * again after a delay that doubles, and after the last attempt goes to the dead letter. The deliveries are rows, so a
 * restart loses none: one claimed by an instance that died is taken again when its lease runs out.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final String USER_AGENT = "Tradeflows-Webhooks/1";

    private final WebhookStore store;
    private final WebhooksConfig config;
    private final Vertx vertx;
    private final WebhookTargets targets;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService senders;
    private volatile WebhookSender sender;

    public WebhookDispatcher(WebhookStore store, WebhooksConfig config, Vertx vertx) {
        this.store = store;
        this.config = config;
        this.vertx = vertx;
        this.targets = WebhookTargets.of(config);
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            return;
        }
        int concurrency = Math.max(1, config.concurrency());
        sender = new WebhookSender(vertx, config.connectTimeout().toMillis(), config.readTimeout().toMillis(), concurrency);
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(concurrency, r -> daemon(r, "webhook-delivery-" + n.incrementAndGet()));
        poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-poll"));
        long every = Math.max(10, config.pollInterval().toMillis());
        // the poll (every second even when idle) and the deliveries serve no request: out of the statement counter
        poller.scheduleWithFixedDelay(() -> Jdbc.background(this::poll), every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (poller != null) {
            poller.shutdownNow();
            senders.shutdown(); // a delivery cut short is not recorded: its lease runs out and it is sent again
            try {
                senders.awaitTermination(config.connectTimeout().plus(config.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sender.close();
        }
    }

    /** Claims as many due deliveries as there are free senders and hands them over. */
    private void poll() {
        try {
            int free = Math.max(1, config.concurrency()) - inFlight.get();
            if (free <= 0) {
                return;
            }
            List<DueDeliveryRecord> due = store.claimDue(free, lease());
            for (DueDeliveryRecord d : due) {
                inFlight.incrementAndGet();
                senders.execute(() -> {
                    try {
                        Jdbc.background(() -> deliver(d));
                    } catch (RuntimeException e) {
                        LOG.warnf("Webhooks: delivery %d not recorded (%s); it is sent again when its lease runs out", d.id(),
                                e.getMessage());
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhooks: looking for due deliveries failed (%s); trying again at the next poll", e.getMessage());
        }
    }

    private void deliver(DueDeliveryRecord d) {
        int number = d.attempts() + 1;
        byte[] body = WebhookBody.of(d);
        long timestamp = System.currentTimeMillis() / 1000;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put("X-Tradeflows-Event", WebhookBody.EVENT);
        headers.put("X-Tradeflows-Delivery", WebhookBody.deliveryId(d.id()));
        headers.put("X-Tradeflows-Webhook", WebhookBody.webhookId(d.webhookId()));
        headers.put("X-Tradeflows-Attempt", Integer.toString(number));
        headers.put("X-Tradeflows-Timestamp", Long.toString(timestamp));
        headers.put("X-Tradeflows-Signature", WebhookSignatures.sign(d.secret(), timestamp, body));
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        WebhookSender.Outcome outcome = sender.send(targets, d.url(), headers, body);
        if (Thread.currentThread().isInterrupted()) {
            return; // stopping: not recorded, so sent again after a restart
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1_000_000);
        OffsetDateTime retryAt = outcome.delivered() || number >= config.maxAttempts() ? null
                : OffsetDateTime.now(ZoneOffset.UTC).plus(retryDelay(number, config.firstRetryDelay(), config.maxRetryDelay()));
        store.recordAttempt(d, number, started, millis, outcome.statusCode(), outcome.error(), retryAt);
        if (!outcome.delivered() && retryAt == null) {
            LOG.infof("Webhooks: delivery %d to webhook %d is dead after %d attempts (%s)", d.id(), d.webhookId(), number,
                    outcome.error());
        }
    }

    /** The wait after failed attempt {@code number} (1 for the first): the first delay, doubled each time, capped. */
    static Duration retryDelay(int number, Duration first, Duration max) {
        int doublings = Math.min(Math.max(0, number - 1), 30);
        Duration d = first.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }

    /** How long a claimed delivery is this instance's: its longest attempt, and a margin for recording it. */
    private Duration lease() {
        return config.connectTimeout().plus(config.readTimeout()).plusSeconds(30);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
