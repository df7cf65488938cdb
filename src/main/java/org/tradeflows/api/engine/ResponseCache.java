package org.tradeflows.api.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.tradeflows.config.ResponseCacheConfig;

/**
 * Whole answers to queries (by GET or POST), keyed by their ETag — the data version, a fingerprint of the request and
 * the caller — and the response type, so a repeated query is answered without running GraphQL. Any committed change
 * to the data bumps the version and with it every key; only answers without errors are kept. Bounded by bytes held.
 */
@ApplicationScoped
public class ResponseCache {

    /** A complete answer: its media type and its UTF-8 body. */
    public record Answer(String contentType, byte[] body) {
    }

    private final boolean enabled;
    private final Cache<String, Answer> entries;

    public ResponseCache(ResponseCacheConfig config) {
        this.enabled = config.enabled();
        this.entries = Caffeine.newBuilder().maximumWeight(config.maxSize().asLongValue())
                .weigher((String k, Answer a) -> a.body().length + k.length() + 64).build();
    }

    public boolean enabled() {
        return enabled;
    }

    public Optional<Answer> get(String key) {
        return enabled ? Optional.ofNullable(entries.getIfPresent(key)) : Optional.empty();
    }

    public void put(String key, Answer answer) {
        if (enabled) {
            entries.put(key, answer);
        }
    }
}
