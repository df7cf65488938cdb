package org.tradeflows.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Function;

/**
 * A piece of SQL with its bound values in order, after PostGraphile's pg-sql2: a value becomes a placeholder where it
 * is written and travels with it, so composing pieces never means counting {@code ?} or keeping a parallel list of
 * parameters. Text enters only as trusted text (our own literals, which may not contain {@code ?}) or through
 * {@link SqlName}; everything from a request enters through {@link #value}. A query with optional filters reads:
 *
 * <pre>{@code
 * Sql where = and(
 *         sql("s.value_eur is not null"),
 *         ifGiven(f.supplierCountry(), c -> sql("s.supplier_country = {}", value(c))),
 *         ifGiven(f.hsPrefixes(), p -> sql("s.hs_code like any({})", value(p))));
 * Sql page = sql("select s.id from shipment s where {} order by s.id limit {}", where, value(limit));
 * jdbc.list(page.text(), page.values(), ...);
 * }</pre>
 *
 * A long statement whose pieces recur (a recursive CTE, a window used twice) names its holes instead, {@code {reaches}},
 * with the pieces in a map ({@link #sql(String, Map)}), so no one lines up twenty values with twenty {@code {}}.
 *
 * Values are kept as given and bound by the store exactly as it binds any parameter (a collection as a PostgreSQL
 * array, an enum by name). A literal empty array is written {@code array[]::text[]}, since {@code {}} marks a hole.
 */
public final class Sql {

    /** Nothing: left out by {@link #and}, {@link #or}, {@link #join} and {@link #then}. */
    public static final Sql EMPTY = new Sql("", List.of());
    public static final Sql TRUE = new Sql("true", List.of());
    public static final Sql FALSE = new Sql("false", List.of());

    private static final String HOLE = "{}";
    private static final Pattern NAMED_HOLE = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    private final String text;
    private final List<Object> values;

    private Sql(String text, List<Object> values) {
        this.text = text;
        this.values = values;
    }

    /** Our own SQL text, with no holes and no values. */
    public static Sql sql(String trustedText) {
        return sql(trustedText, new Sql[0]);
    }

    /** Our own SQL text with each {@code {}} replaced, in order, by a piece (whose values come along in order). */
    public static Sql sql(String template, Sql... holes) {
        requireTrusted(template);
        StringBuilder text = new StringBuilder(template.length());
        List<Object> values = new ArrayList<>();
        int from = 0;
        int filled = 0;
        for (int at = template.indexOf(HOLE); at >= 0; at = template.indexOf(HOLE, from)) {
            if (filled == holes.length) {
                throw new IllegalArgumentException("more {} than the " + holes.length + " pieces given in: " + template);
            }
            Sql hole = Objects.requireNonNull(holes[filled++], "a piece for a {} is null");
            text.append(template, from, at).append(hole.text);
            values.addAll(hole.values);
            from = at + HOLE.length();
        }
        if (filled != holes.length) {
            throw new IllegalArgumentException(holes.length + " pieces given for " + filled + " {} in: " + template);
        }
        text.append(template, from, template.length());
        return new Sql(text.toString(), Collections.unmodifiableList(values));
    }

    /**
     * Our own SQL text with each {@code {name}} replaced by the piece of that name, for a statement too long to fill by
     * position: a piece used twice is written {@code {name}} twice and its values come along at each use. Every name
     * in the text must be given and every piece given must be used; a {@code {}} is not a hole here.
     */
    public static Sql sql(String template, Map<String, Sql> pieces) {
        requireTrusted(template);
        StringBuilder text = new StringBuilder(template.length());
        List<Object> values = new ArrayList<>();
        Set<String> used = new HashSet<>();
        Matcher m = NAMED_HOLE.matcher(template);
        int from = 0;
        while (m.find()) {
            Sql piece = pieces.get(m.group(1));
            if (piece == null) {
                throw new IllegalArgumentException("no piece named " + m.group(1) + " for: " + template);
            }
            used.add(m.group(1));
            text.append(template, from, m.start()).append(piece.text);
            values.addAll(piece.values);
            from = m.end();
        }
        if (!used.equals(pieces.keySet())) {
            Set<String> unused = new HashSet<>(pieces.keySet());
            unused.removeAll(used);
            throw new IllegalArgumentException("pieces " + unused + " are not used in: " + template);
        }
        text.append(template, from, template.length());
        return new Sql(text.toString(), Collections.unmodifiableList(values));
    }

    /** A bound value: a placeholder here, the value beside it. A collection binds as one array ({@code = any({})}). */
    public static Sql value(Object v) {
        if (v instanceof Sql || v instanceof SqlName) {
            throw new IllegalArgumentException("a piece of SQL is not a value; put it in a {} hole instead");
        }
        Object bound = v instanceof Collection<?> c ? Collections.unmodifiableList(new ArrayList<>(c)) : v;
        return new Sql("?", Collections.singletonList(bound));
    }

    /** Text from one of our constants (an alias, a join, an expression), with no values. */
    public static Sql name(SqlName n) {
        String text = n.sql();
        requireTrusted(text);
        return new Sql(text, List.of());
    }

    /** The pieces that are not empty, separated by trusted text; no pieces give {@link #EMPTY}. */
    public static Sql join(List<Sql> parts, String separator) {
        requireTrusted(separator);
        StringBuilder text = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (Sql part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(separator);
            }
            text.append(part.text);
            values.addAll(part.values);
        }
        return text.isEmpty() ? EMPTY : new Sql(text.toString(), Collections.unmodifiableList(values));
    }

    /** Every condition holds: {@code (a) and (b)}; empty conditions are left out, and none at all is {@link #TRUE}. */
    public static Sql and(List<Sql> conditions) {
        return connect(conditions, " and ", TRUE);
    }

    public static Sql and(Sql... conditions) {
        return and(Arrays.asList(conditions));
    }

    /** Any condition holds: {@code (a) or (b)}; empty conditions are left out, and none at all is {@link #FALSE}. */
    public static Sql or(List<Sql> conditions) {
        return connect(conditions, " or ", FALSE);
    }

    public static Sql or(Sql... conditions) {
        return or(Arrays.asList(conditions));
    }

    /**
     * The piece made from a filter's value when the filter is given (not null, not an empty collection), else
     * {@link #EMPTY}, which {@link #and} leaves out: one line per optional filter.
     */
    public static <T> Sql ifGiven(T given, Function<? super T, Sql> piece) {
        boolean absent = given == null || given instanceof Collection<?> c && c.isEmpty();
        return absent ? EMPTY : piece.apply(given);
    }

    /** A LIKE pattern that finds the user's text anywhere, its wildcards matched literally (backslash escapes). */
    public static Sql containsPattern(String userText) {
        return value("%" + userText.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    public Sql parens() {
        return new Sql("(" + text + ")", values);
    }

    public Sql not() {
        return new Sql("not (" + text + ")", values);
    }

    /** This piece followed by the next one, a space between; an empty side is left out. */
    public Sql then(Sql next) {
        return join(List.of(this, next), " ");
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The statement text with a {@code ?} for each value, for a PreparedStatement. */
    public String text() {
        return text;
    }

    /** The values in the order of their placeholders (null elements allowed: they bind as SQL null). */
    public List<Object> values() {
        return values;
    }

    /** Equal text and equal values: the same statement with the same answer (the answer cache keys on it). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Sql other && text.equals(other.text) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return 31 * text.hashCode() + values.hashCode();
    }

    @Override
    public String toString() {
        return text + " " + values;
    }

    private static Sql connect(List<Sql> conditions, String connective, Sql none) {
        List<Sql> given = conditions.stream().filter(c -> !c.isEmpty()).map(Sql::parens).toList();
        return given.isEmpty() ? none : join(given, connective);
    }

    private static void requireTrusted(String text) {
        if (text.indexOf('?') >= 0) {
            throw new IllegalArgumentException("a ? in SQL text: bind values with Sql.value instead, in: " + text);
        }
    }
}
