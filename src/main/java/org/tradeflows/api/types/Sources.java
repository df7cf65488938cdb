package org.tradeflows.api.types;

import java.util.List;
import org.tradeflows.model.SourceRecord;

/**
 * Stored sources made into the API's Source, under a name of its own: resolver classes import SmallRye's
 * {@code @Source}, which would otherwise make them spell this type out in full.
 */
public final class Sources {

    private Sources() {
    }

    public static Source of(SourceRecord r) {
        return Source.of(r);
    }

    public static List<Source> of(List<SourceRecord> rows) {
        return Source.of(rows);
    }
}
