package org.tradeflows.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counters per client. With a shared Redis ({@link SharedRedis}) the window is counted there, by
 * one atomic script for all instances; without one, or while Redis is unreachable, in this instance's memory, so
 * several instances then admit up to (instances × limit) requests per window (the README says so). Windows of
 * clients that went quiet are dropped from memory when the table grows, and expire in Redis with their window.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int PURGE_ABOVE = 50_000;

    /** Counts one request in the window's key and returns the count; the first request of a window sets its expiry. */
    static final SharedRedis.Script COUNT = SharedRedis.Script.of("rate-limit", """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""");

    private final RateLimitClock clock;
    private final SharedRedis redis;
    private final Counter shared;
    private final Counter local;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitClock clock, SharedRedis redis, MeterRegistry registry) {
        this.clock = clock;
        this.redis = redis;
        this.shared = Counter.builder("tradeflows.rate.limit.counted").tag("where", "redis")
                .description("Requests counted against a rate limit, in the shared Redis or in this instance").register(registry);
        this.local = Counter.builder("tradeflows.rate.limit.counted").tag("where", "instance")
                .description("Requests counted against a rate limit, in the shared Redis or in this instance").register(registry);
    }

    /**
     * Counts one request of the client and says whether it is within the limit of the current window. Never fails:
     * when Redis does not answer, the request is counted in this instance's memory.
     */
    public Future<Decision> consume(String client, int limit, long windowMillis) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        if (!redis.usable()) {
            return Future.succeededFuture(consumeLocally(client, limit, windowMillis, now, start));
        }
        String key = redis.prefix() + "rate:" + client + ":" + start;
        return redis.eval(COUNT, List.of(key), List.of(windowMillis + 1_000)).map(count -> {
            shared.increment();
            return decision(count.toLong(), limit, start + windowMillis - now);
        }).recover(failure -> Future.succeededFuture(consumeLocally(client, limit, windowMillis, now, start)));
    }

    private Decision consumeLocally(String client, int limit, long windowMillis, long now, long start) {
        local.increment();
        Window w = windows.compute(client, (k, old) -> old == null || old.start != start ? new Window(start, 1)
                : new Window(start, old.count + 1));
        if (windows.size() > PURGE_ABOVE) {
            windows.values().removeIf(x -> x.start < start);
        }
        return decision(w.count, limit, start + windowMillis - now);
    }

    private static Decision decision(long count, int limit, long resetMillis) {
        return new Decision(count <= limit, limit, (int) Math.max(0, limit - count), (resetMillis + 999) / 1000);
    }

    private record Window(long start, int count) {
    }

    /** The outcome for one request: allowed or not, and what to tell the client in headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }
}
