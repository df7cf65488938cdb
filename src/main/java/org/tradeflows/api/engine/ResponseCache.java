package org.tradeflows.api.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.tradeflows.config.RedisConfig;
import org.tradeflows.config.ResponseCacheConfig;
import org.tradeflows.http.SharedRedis;

/**
 * Whole answers to queries (by GET or POST), keyed by their ETag — the data version, a fingerprint of the request and
 * the caller — and the response type, so a repeated query is answered without running GraphQL. Any committed change
 * to the data bumps the version and with it every key; only answers without errors are kept. Bounded by bytes held.
 *
 * <p>Two levels: this instance's memory first (no round trip on the hot path), then, with a shared Redis, Redis,
 * where every instance finds what any instance ran. The data version is part of every key, so no instance can
 * answer from before a change it has seen; the first instance that sees the version move drops the older
 * versions' answers from Redis, and every instance drops them from its own memory when it sees the move.
 */
@ApplicationScoped
public class ResponseCache {

    private static final Logger LOG = Logger.getLogger(ResponseCache.class);

    /** A complete answer: its media type and its UTF-8 body. */
    public record Answer(String contentType, byte[] body) {
    }

    /**
     * Keeps an answer unless a newer data version was already seen (an answer run before a change finishes after it):
     * KEYS answer, its version's set, the newest version, the set of versions; ARGV body, expiry (ms), version.
     */
    static final SharedRedis.Script PUT = SharedRedis.Script.of("answer-put", """
            local v = tonumber(ARGV[3])
            if v < tonumber(redis.call('GET', KEYS[3]) or '0') then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('SADD', KEYS[2], KEYS[1])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            redis.call('SADD', KEYS[4], ARGV[3])
            return 1""");

    /**
     * Records a newer data version and drops every answer of an older one: KEYS the newest version, the set of
     * versions; ARGV the version seen, the prefix of the versions' sets. Returns how many answers it dropped.
     */
    static final SharedRedis.Script INVALIDATE = SharedRedis.Script.of("answer-invalidate", """
            local v = tonumber(ARGV[1])
            if v <= tonumber(redis.call('GET', KEYS[1]) or '0') then return 0 end
            redis.call('SET', KEYS[1], ARGV[1])
            local dropped = 0
            for _, old in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              if tonumber(old) < v then
                local members = redis.call('SMEMBERS', ARGV[2] .. old)
                for i = 1, #members, 500 do
                  redis.call('UNLINK', unpack(members, i, math.min(i + 499, #members)))
                end
                redis.call('UNLINK', ARGV[2] .. old)
                redis.call('SREM', KEYS[2], old)
                dropped = dropped + #members
              end
            end
            return dropped""");

    private final boolean enabled;
    private final Cache<String, Answer> entries;
    private final SharedRedis redis;
    private final RedisConfig redisConfig;
    private final AtomicLong newestVersion = new AtomicLong(Long.MIN_VALUE);
    private final Counter fromMemory;
    private final Counter fromRedis;
    private final Counter run;

    public ResponseCache(ResponseCacheConfig config, SharedRedis redis, RedisConfig redisConfig, MeterRegistry registry) {
        this.enabled = config.enabled();
        this.entries = Caffeine.newBuilder().maximumWeight(config.maxSize().asLongValue())
                .weigher((String k, Answer a) -> a.body().length + k.length() + 64).build();
        this.redis = redis;
        this.redisConfig = redisConfig;
        this.fromMemory = counter(registry, "memory");
        this.fromRedis = counter(registry, "redis");
        this.run = counter(registry, "none");
    }

    private static Counter counter(MeterRegistry registry, String from) {
        return Counter.builder("tradeflows.kept.answers").tag("from", from)
                .description("Queries answered from a kept answer (in this instance's memory or the shared Redis) or run")
                .register(registry);
    }

    public boolean enabled() {
        return enabled;
    }

    /** This instance's kept answer only (permalinks, whose answers are not shared). */
    public Optional<Answer> get(String key) {
        return enabled ? Optional.ofNullable(entries.getIfPresent(key)) : Optional.empty();
    }

    /** Keeps an answer in this instance's memory only. */
    public void put(String key, Answer answer) {
        if (enabled) {
            entries.put(key, answer);
        }
    }

    /**
     * The answer kept for the key at this data version: from memory at once, else from the shared Redis (then kept
     * in memory too). Never fails: when Redis does not answer, the answer is simply not found.
     */
    public Future<Optional<Answer>> lookup(long version, String key) {
        if (!enabled) {
            return Future.succeededFuture(Optional.empty());
        }
        seen(version);
        Answer local = entries.getIfPresent(key);
        if (local != null) {
            fromMemory.increment();
            return Future.succeededFuture(Optional.of(local));
        }
        if (!redis.usable()) {
            run.increment();
            return Future.succeededFuture(Optional.empty());
        }
        return redis.send("answer-get", io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.GET)
                .arg(redisKey(version, key))).map(found -> {
                    Optional<Answer> answer = decode(found);
                    answer.ifPresentOrElse(a -> {
                        entries.put(key, a);
                        fromRedis.increment();
                    }, run::increment);
                    return answer;
                }).otherwise(failure -> {
                    run.increment();
                    return Optional.empty();
                });
    }

    /** Keeps the answer in memory and, when it is not too large, in the shared Redis for the other instances. */
    public void put(long version, String key, Answer answer) {
        if (!enabled || version < newestVersion.get()) {
            return;
        }
        entries.put(key, answer);
        if (redis.usable() && answer.body().length <= redisConfig.answerMaxSize().asLongValue()) {
            String p = redis.prefix();
            redis.eval(PUT, List.of(redisKey(version, key), p + "answers:" + version, p + "answer-version", p + "answer-versions"),
                    List.of(encode(answer), redisConfig.answerTtl().toMillis(), version))
                    .onFailure(failure -> LOG.debugf("An answer was not kept in Redis: %s", failure.getMessage()));
        }
    }

    /**
     * Notes the data version a request read. When it moved, the answers of older versions are dropped from memory,
     * and from Redis by the first instance that sees the move (the others find nothing left to drop).
     */
    void seen(long version) {
        long before = newestVersion.get();
        if (version <= before || !newestVersion.compareAndSet(before, version)) {
            return;
        }
        if (before != Long.MIN_VALUE) {
            entries.invalidateAll();
        }
        if (redis.usable()) {
            String p = redis.prefix();
            redis.eval(INVALIDATE, List.of(p + "answer-version", p + "answer-versions"), List.of(version, p + "answers:"))
                    .onSuccess(dropped -> LOG.debugf("Data version %d: %d kept answers dropped from Redis", version,
                            dropped.toLong()))
                    .onFailure(failure -> LOG.debugf("Kept answers were not dropped from Redis: %s", failure.getMessage()));
        }
    }

    private String redisKey(long version, String key) {
        return redis.prefix() + "answer:" + version + ":" + key;
    }

    /** The media type, a newline, then the body. */
    private static byte[] encode(Answer answer) {
        byte[] type = answer.contentType().getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(type, type.length + 1 + answer.body().length);
        out[type.length] = '\n';
        System.arraycopy(answer.body(), 0, out, type.length + 1, answer.body().length);
        return out;
    }

    private static Optional<Answer> decode(Response found) {
        if (found == null) {
            return Optional.empty();
        }
        byte[] bytes = found.toBytes();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return Optional.of(new Answer(new String(bytes, 0, i, StandardCharsets.UTF_8),
                        Arrays.copyOfRange(bytes, i + 1, bytes.length)));
            }
        }
        return Optional.empty();
    }
}
