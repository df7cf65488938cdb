package org.tradeflows.http;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counters per client, in this instance's memory. With several replicas behind a load
 * balancer each counts on its own, so a client may make up to (replicas × limit) requests per window; the README
 * says so. Windows of clients that went quiet are dropped when the table grows.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int PURGE_ABOVE = 50_000;

    private final RateLimitClock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitClock clock) {
        this.clock = clock;
    }

    /** Counts one request of the client and says whether it is within the limit of the current window. */
    public Decision consume(String client, int limit, long windowMillis) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        Window w = windows.compute(client, (k, old) -> old == null || old.start != start ? new Window(start, 1)
                : new Window(start, old.count + 1));
        if (windows.size() > PURGE_ABOVE) {
            windows.values().removeIf(x -> x.start < start);
        }
        long resetMillis = start + windowMillis - now;
        return new Decision(w.count <= limit, limit, Math.max(0, limit - w.count), (resetMillis + 999) / 1000);
    }

    private record Window(long start, int count) {
    }

    /** The outcome for one request: allowed or not, and what to tell the client in headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }
}
