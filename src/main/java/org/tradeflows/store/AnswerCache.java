package org.tradeflows.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.tradeflows.config.AnswerCacheConfig;

/**
 * Caches the answers of aggregate statements, keyed by the statement, its parameters and the data version (a number
 * every committed change to the data bumps, see V6__data_version.sql). A new load or correction changes the version,
 * so a cached answer is never served for data it was not computed from. Bounded by the number of rows held.
 */
@ApplicationScoped
public class AnswerCache {

    private record Key(long version, String sql, List<?> params) {
    }

    private final Jdbc jdbc;
    private final DataVersion dataVersion;
    private final boolean enabled;
    private final Cache<Key, List<?>> entries;

    public AnswerCache(Jdbc jdbc, DataVersion dataVersion,
            AnswerCacheConfig config) {
        this.jdbc = jdbc;
        this.dataVersion = dataVersion;
        this.enabled = config.enabled();
        this.entries = Caffeine.newBuilder().maximumWeight(config.maxRows()).weigher((Key k, List<?> v) -> v.size() + 1)
                .recordStats().build();
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> list(String sql, List<?> params, Jdbc.RowMapper<T> mapper) {
        if (!enabled) {
            return jdbc.list(sql, params, mapper);
        }
        long version = dataVersion.current();
        return (List<T>) entries.get(new Key(version, sql, List.copyOf(params)), k -> List.copyOf(jdbc.list(sql, params, mapper)));
    }
}
