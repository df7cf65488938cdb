package org.tradeflows.model;

/** Echoes user input into error messages safely: short, without control characters. */
public final class Printable {
    private Printable() {
    }

    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
