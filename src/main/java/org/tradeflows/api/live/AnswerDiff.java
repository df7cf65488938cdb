package org.tradeflows.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two answers differ, leaf by leaf: each change is the JSON path of a value ({@code tradeVolumes.edges[1].node.value.amount})
 * with the value before and after as JSON text (null where it did not exist). Lists are compared by position.
 */
public final class AnswerDiff {

    /** Changes listed at most; an answer that changed more says so by its last change, path "…". */
    static final int MAX_CHANGES = 200;

    /** One changed value. */
    public record Change(String path, String before, String after) {
    }

    private AnswerDiff() {
    }

    public static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> out = new ArrayList<>();
        walk("", before, after, out);
        if (out.size() > MAX_CHANGES) {
            List<Change> cut = new ArrayList<>(out.subList(0, MAX_CHANGES));
            cut.add(new Change("…", null, (out.size() - MAX_CHANGES) + " more changes"));
            return cut;
        }
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Change> out) {
        boolean aMissing = a == null || a.isMissingNode();
        boolean bMissing = b == null || b.isMissingNode();
        if (!aMissing && !bMissing && a.equals(b)) {
            return;
        }
        if (!aMissing && !bMissing && a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                walk(path.isEmpty() ? n : path + "." + n, a.get(n), b.get(n), out);
            }
            return;
        }
        if (!aMissing && !bMissing && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        out.add(new Change(path, aMissing ? null : a.toString(), bMissing ? null : b.toString()));
    }
}
