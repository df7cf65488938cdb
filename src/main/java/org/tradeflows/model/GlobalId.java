package org.tradeflows.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque global ids: base64url of "Type:key". Stable because keys are database ids or codes. */
public record GlobalId(String type, String key) {

    public static String of(String type, Object key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static GlobalId parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 200) {
            throw invalid(id);
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(id);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw invalid(id);
        }
        return new GlobalId(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The numeric key of an id that must be of the given type. */
    public static long numeric(String id, String expectedType, String argument) {
        GlobalId g = parse(id);
        if (!g.type().equals(expectedType)) {
            throw new BadUserInputException(argument + ": '" + id + "' is the id of a " + g.type() + ", not of a "
                    + expectedType);
        }
        try {
            return Long.parseLong(g.key());
        } catch (NumberFormatException e) {
            throw invalid(id);
        }
    }

    /** The numeric key of an id this service made itself from a database row (a record's own id, never user input). */
    public static long dbId(String id) {
        return Long.parseLong(parse(id).key());
    }

    private static BadUserInputException invalid(String id) {
        return new BadUserInputException("Invalid global id '" + Printable.of(id) + "': ids are opaque strings "
                + "returned by this API in the field `id`");
    }
}
