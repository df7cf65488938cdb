package org.tradeflows.api.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.tradeflows.input.SanctionFilter;
import org.tradeflows.model.AuditEntryRecord;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.model.LiveEventRecord;
import org.tradeflows.model.SanctionRecord;
import org.tradeflows.store.AuditStore;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SanctionStore;

/** The selectors of the subscriptions; records, so that equal subscriptions share one look-up per batch. */
public final class LiveSelectors {

    private LiveSelectors() {
    }

    /** Releases as committed: each event sent with its release record (synthetic ones only when asked for). */
    public record ReleaseSelector(boolean includeSynthetic, ReleaseStore releases) implements LiveSelector {
        @Override
        public List<Delivery> select(List<LiveEventRecord> batch) {
            List<LiveEventRecord> wanted = batch.stream().filter(e -> e.kind().equals("RELEASE_PUBLISHED")
                    && (includeSynthetic || !LiveHub.payload(e).path("synthetic").asBoolean(false))).toList();
            return joined(wanted, releases::byIds, DataReleaseRecord::id, ReleaseItem::new);
        }
    }

    /** Sanctions as recorded, those the filter takes (by the rules of the sanctions query, in one read per batch). */
    public record SanctionSelector(SanctionFilter filter, SanctionStore sanctions) implements LiveSelector {
        /** The widest run of ids read at once. */
        private static final int RUN = 1000;

        @Override
        public List<Delivery> select(List<LiveEventRecord> batch) {
            List<LiveEventRecord> wanted = batch.stream().filter(e -> e.kind().equals("SANCTION_RECORDED")).toList();
            return joined(wanted, this::read, SanctionRecord::id, SanctionItem::new);
        }

        /** The sanctions query's own read (page), over each run of nearby ids: a bulk load's listings are one run. */
        private List<SanctionRecord> read(List<Long> unsorted) {
            List<Long> ids = unsorted.stream().sorted().toList();
            List<SanctionRecord> out = new ArrayList<>();
            int from = 0;
            for (int i = 1; i <= ids.size(); i++) {
                if (i == ids.size() || ids.get(i) - ids.get(from) >= RUN) {
                    long first = ids.get(from);
                    int span = (int) (ids.get(i - 1) - first + 1);
                    out.addAll(sanctions.page(filter, first - 1, span));
                    from = i;
                }
            }
            return out;
        }
    }

    /** Changes of one watched answer: a persisted query's hash with its variables (canonical JSON). */
    public record AnswerSelector(String hash, String variables) implements LiveSelector {
        @Override
        public List<Delivery> select(List<LiveEventRecord> batch) {
            String subject = hash + " " + variables;
            return batch.stream().filter(e -> e.kind().equals("ANSWER_CHANGED") && e.subject().equals(subject))
                    .map(e -> new Delivery(e.seq(), e)).toList();
        }
    }

    /** Curators' corrections as recorded, each event sent with its audit entry (read for the whole batch at once). */
    public record CorrectionSelector(AuditStore audit) implements LiveSelector {
        @Override
        public List<Delivery> select(List<LiveEventRecord> batch) {
            List<LiveEventRecord> wanted = batch.stream().filter(e -> e.kind().equals("CORRECTION_RECORDED")).toList();
            return joined(wanted, audit::byIds, AuditEntryRecord::id, CorrectionItem::new);
        }
    }

    /** A correction event with its audit entry. */
    public record CorrectionItem(LiveEventRecord event, AuditEntryRecord entry) {
    }

    /**
     * The events, each with the record its subject (an id) names, read for the whole batch in one call; an event whose
     * record is gone is left out.
     */
    private static <R> List<LiveSelector.Delivery> joined(List<LiveEventRecord> events, Function<List<Long>, List<R>> read,
            Function<R, Long> idOf, BiFunction<LiveEventRecord, R, Object> item) {
        if (events.isEmpty()) {
            return List.of();
        }
        Map<Long, R> byId = new HashMap<>();
        read.apply(events.stream().map(e -> Long.parseLong(e.subject())).toList()).forEach(r -> byId.put(idOf.apply(r), r));
        List<LiveSelector.Delivery> out = new ArrayList<>();
        for (LiveEventRecord e : events) {
            R r = byId.get(Long.parseLong(e.subject()));
            if (r != null) {
                out.add(new LiveSelector.Delivery(e.seq(), item.apply(e, r)));
            }
        }
        return out;
    }

    /** A release event with its release. */
    public record ReleaseItem(LiveEventRecord event, DataReleaseRecord release) {
    }

    /** A sanction event with its listing. */
    public record SanctionItem(LiveEventRecord event, SanctionRecord sanction) {
    }
}
