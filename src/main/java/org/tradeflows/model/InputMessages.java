package org.tradeflows.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tradeflows.model.Printable;

/**
 * The one home of the words for a value or name that does not fit, used by GraphQL and the exports alike: a user
 * reads "periodFrom: "2023-13-45" is not a date (YYYY-MM-DD)" from either, and a misspelled name comes with the
 * nearest valid one.
 */
public final class InputMessages {

    /** A NUL character: no stored value holds one, and PostgreSQL cannot compare text with it. */
    public static final char NUL = '\u0000';

    private InputMessages() {
    }

    public static String notADate(String name, Object value) {
        return name + ": \"" + Printable.of(String.valueOf(value)) + "\" is not a date (YYYY-MM-DD)";
    }

    public static String hasNul(String name) {
        return name + ": contains a NUL character (U+0000), which no value in Tradeflows holds; remove it";
    }

    /** A name that is not one of {@code known}, with the nearest known one when it is close enough to be a typo. */
    public static String unknownName(String name, String what, String value, Collection<String> known) {
        return name + ": '" + Printable.of(value) + "' is not " + what + suggestion(value, known);
    }

    /** " ; did you mean X?" for the nearest of {@code known}, or "" when none is near. */
    public static String suggestion(String value, Collection<String> known) {
        return nearest(value, known).map(n -> "; did you mean " + n + "?").orElse("");
    }

    /** The known name nearest to {@code value} (ignoring case), if it is at most a third of its length away. */
    public static Optional<String> nearest(String value, Collection<String> known) {
        if (value == null || value.isEmpty() || value.length() > 200) {
            return Optional.empty();
        }
        String v = value.toLowerCase(Locale.ROOT);
        return known.stream().map(k -> new Object[] {k, distance(v, k.toLowerCase(Locale.ROOT))})
                .filter(p -> (int) p[1] <= Math.max(2, ((String) p[0]).length() / 3))
                .min(Comparator.comparingInt(p -> (int) p[1])).map(p -> (String) p[0]);
    }

    /**
     * An unknown key of a named thing (topic, source), with the closest known key: 'filter.topic: unknown topic
     * "drones"; did you mean "drone-components"?'. With no close key, a short list of the known ones is named instead.
     */
    public static String unknownKey(String name, String what, String value, Collection<String> known) {
        String v = value == null ? "" : value.trim();
        String hint = closest(v, known).map(k -> "; did you mean \"" + k + "\"?")
                .orElse(known.isEmpty() ? "; none is loaded yet"
                        : known.size() <= 12 ? "; known: " + String.join(", ", known) : "");
        return name + ": unknown " + what + " \"" + Printable.of(v) + "\"" + hint;
    }

    /** The nearest known name by edit distance, else the one sharing the longest start of at least 4 characters. */
    public static Optional<String> closest(String value, Collection<String> known) {
        Optional<String> near = nearest(value, known);
        if (near.isPresent() || value == null || value.length() > 200) {
            return near;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return known.stream().map(k -> Map.entry(k, sharedStart(v, k.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() >= Math.min(4, v.length()) && e.getValue() > 0)
                .max(Comparator.comparingInt(Map.Entry::getValue)).map(Map.Entry::getKey);
    }

    private static int sharedStart(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
