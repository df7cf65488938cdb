package org.tradeflows.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.tradeflows.api.types.PageInfo;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.Printable;
import org.tradeflows.query.Keyset;

/**
 * A validated page request (first/after) and the slicing of one extra fetched row into Relay's pageInfo.
 * Cursors carry the sort key of the last row (keyset pagination), so rows loaded meanwhile never shift a page.
 */
public record Page(int first, List<String> after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    private static final String SEPARATOR = "\u001f";
    private static final String NULL = "\u0000";

    /** @param keyParts number of sort values a cursor of this connection carries; -1 when it varies. */
    public static Page of(Integer first, String after, int keyParts) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0) {
            throw new BadUserInputException("first: must be 0 or more, got " + size);
        }
        if (size > MAX_SIZE) {
            throw new BadUserInputException("first: requesting " + size + " records exceeds the limit of " + MAX_SIZE
                    + " per page; page with `after` instead");
        }
        return new Page(size, after == null ? null : decode(after, keyParts));
    }

    /** A page of a connection ordered by {@code order}: its cursor must carry one value of each column's type. */
    public static Page of(Integer first, String after, List<Keyset.Column> order) {
        Page page = of(first, after, order.size());
        if (page.hasAfter()) {
            Keyset.check(order, page.after());
        }
        return page;
    }

    /** Rows to fetch: one more than the page, to know whether a next page exists. */
    public int limit() {
        return first + 1;
    }

    public boolean hasAfter() {
        return after != null;
    }

    public String afterKey(int i) {
        return after.get(i);
    }

    public static String cursor(Object... keyParts) {
        return cursor(Arrays.stream(keyParts).map(k -> k == null ? null : String.valueOf(k)).toList());
    }

    /** A cursor of sort values, any of which may be empty (null). */
    public static String cursor(List<String> keyParts) {
        String joined = String.join(SEPARATOR, keyParts.stream().map(k -> k == null ? NULL : k).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c1" + SEPARATOR + joined)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor, int keyParts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = Arrays.stream(raw.split(SEPARATOR, -1)).map(p -> NULL.equals(p) ? null : p)
                    .collect(java.util.stream.Collectors.toList());
            if ((keyParts < 0 || parts.size() == keyParts + 1) && "c1".equals(parts.get(0))) {
                return parts.subList(1, parts.size());
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw new BadUserInputException("after: '" + Printable.of(cursor) + "' is not a cursor of this connection; "
                + "use an endCursor or edge cursor returned by it");
    }

    /** Turns the fetched rows (up to first + 1) into edges and pageInfo. */
    public <R, E> Slice<E> slice(List<R> rows, Function<R, String> cursorOf, BiFunction<String, R, E> edge) {
        boolean more = rows.size() > first;
        List<R> page = more ? rows.subList(0, first) : rows;
        List<E> edges = new ArrayList<>(page.size());
        for (R row : page) {
            edges.add(edge.apply(cursorOf.apply(row), row));
        }
        String start = page.isEmpty() ? null : cursorOf.apply(page.get(0));
        String end = page.isEmpty() ? null : cursorOf.apply(page.get(page.size() - 1));
        return new Slice<>(edges, new PageInfo(more, hasAfter(), start, end));
    }

    public record Slice<E>(List<E> edges, PageInfo pageInfo) {
    }

    public static long parseLongKey(String value, String argument) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadUserInputException(argument + ": not a cursor of this connection");
        }
    }
}
