package org.tradeflows.curation;

import java.util.regex.Pattern;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.Printable;

/** Checks of curated text: trimmed, within its length, no control characters; the message names the field. */
final class Inputs {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200d\\u200c]]");

    private Inputs() {
    }

    /** Required text: trimmed, 1 to max characters. */
    static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null || v.isEmpty()) {
            throw new BadUserInputException(field + ": required, 1 to " + max + " characters");
        }
        return v;
    }

    /** Optional text: null stays null, otherwise trimmed (possibly empty) and checked. */
    static String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new BadUserInputException(field + ": at most " + max + " characters, got " + v.length());
        }
        if (CONTROL.matcher(v).find()) {
            throw new BadUserInputException(field + ": control or invisible formatting characters are not allowed in '"
                    + Printable.of(v) + "'");
        }
        return v;
    }

    /** For updates: null keeps the old value, an empty string clears it. */
    static String update(String field, String given, String old, int max) {
        if (given == null) {
            return old;
        }
        String v = optional(field, given, max);
        return v.isEmpty() ? null : v;
    }
}
