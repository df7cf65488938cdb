package org.tradeflows.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers a batched field (one query for all parents in a list) in the order of its parents, so that every
 * {@code @Source List<P>} resolver is backed by a single {@code = any(?)} statement instead of one per parent.
 */
public final class Batch {

    private Batch() {
    }

    public static <P, K> List<K> keys(List<P> parents, Function<P, K> key) {
        return new ArrayList<>(new LinkedHashSet<>(parents.stream().map(key).filter(k -> k != null).toList()));
    }

    /** One child per parent (or null), matched by a key of the child. */
    public static <P, K, C> List<C> one(List<P> parents, Function<P, K> parentKey, Collection<C> children,
            Function<C, K> childKey) {
        Map<K, C> byKey = new HashMap<>();
        for (C c : children) {
            byKey.put(childKey.apply(c), c);
        }
        List<C> out = new ArrayList<>(parents.size());
        for (P p : parents) {
            K k = parentKey.apply(p);
            out.add(k == null ? null : byKey.get(k));
        }
        return out;
    }

    /** Rows of (parent key, stored record) with each record made into its API type. */
    public static <K, R, C> List<Map.Entry<K, C>> mapped(List<Map.Entry<K, R>> rows, Function<R, C> make) {
        return rows.stream().map(row -> Map.entry(row.getKey(), make.apply(row.getValue()))).toList();
    }

    /** One child per parent from rows of (parent key, child). */
    public static <P, K, C> List<C> oneByEntry(List<P> parents, Function<P, K> parentKey, List<Map.Entry<K, C>> rows) {
        Map<K, C> byKey = new HashMap<>();
        for (Map.Entry<K, C> row : rows) {
            byKey.put(row.getKey(), row.getValue());
        }
        return parents.stream().map(p -> byKey.get(parentKey.apply(p))).toList();
    }

    /** A list of children per parent from rows of (parent key, child), keeping the rows' order. */
    public static <P, K, C> List<List<C>> many(List<P> parents, Function<P, K> parentKey, List<Map.Entry<K, C>> rows) {
        Map<K, List<C>> byKey = new HashMap<>();
        for (Map.Entry<K, C> row : rows) {
            byKey.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        List<List<C>> out = new ArrayList<>(parents.size());
        for (P p : parents) {
            out.add(byKey.getOrDefault(parentKey.apply(p), List.of()));
        }
        return out;
    }

    /** A list of children per parent, grouped by a key of the child. */
    public static <P, K, C> List<List<C>> manyBy(List<P> parents, Function<P, K> parentKey, Collection<C> children,
            Function<C, K> childKey) {
        return many(parents, parentKey, children.stream().map(c -> Map.entry(childKey.apply(c), c)).toList());
    }
}
