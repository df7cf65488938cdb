package org.tradeflows.api.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tradeflows.input.SanctionFilter;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.model.LiveEventRecord;
import org.tradeflows.model.SanctionRecord;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SanctionStore;

/** The selectors of the three subscriptions; records, so that equal subscriptions share one look-up per batch. */
public final class LiveSelectors {

    private LiveSelectors() {
    }

    /** Releases as committed: each event sent with its release record (synthetic ones only when asked for). */
    public record ReleaseSelector(boolean includeSynthetic, ReleaseStore releases) implements LiveSelector {
        @Override
        public List<Delivery> select(List<LiveEventRecord> batch) {
            List<LiveEventRecord> wanted = batch.stream().filter(e -> e.kind().equals("RELEASE_PUBLISHED")
                    && (includeSynthetic || !LiveHub.payload(e).path("synthetic").asBoolean(false))).toList();
            if (wanted.isEmpty()) {
                return List.of();
            }
            Map<Long, DataReleaseRecord> byId = new HashMap<>();
            releases.byIds(wanted.stream().map(e -> Long.parseLong(e.subject())).toList()).forEach(r -> byId.put(r.id(), r));
            List<Delivery> out = new ArrayList<>();
            for (LiveEventRecord e : wanted) {
                DataReleaseRecord r = byId.get(Long.parseLong(e.subject()));
                if (r != null) {
                    out.add(new Delivery(e.seq(), new ReleaseItem(e, r)));
                }
            }
            return out;
        }
    }

    /** Sanctions as recorded, those the filter takes (by the rules of the sanctions query, in one read per batch). */
    public record SanctionSelector(SanctionFilter filter, SanctionStore sanctions) implements LiveSelector {
        /** The widest run of ids read at once. */
        private static final int RUN = 1000;

        @Override
        public List<Delivery> select(List<LiveEventRecord> batch) {
            List<LiveEventRecord> wanted = batch.stream().filter(e -> e.kind().equals("SANCTION_RECORDED")).toList();
            if (wanted.isEmpty()) {
                return List.of();
            }
            Map<Long, SanctionRecord> byId = new HashMap<>();
            // the sanctions query's own read (page), over each run of nearby ids: a bulk load's listings are one run
            List<Long> ids = wanted.stream().map(e -> Long.parseLong(e.subject())).sorted().toList();
            int from = 0;
            for (int i = 1; i <= ids.size(); i++) {
                if (i == ids.size() || ids.get(i) - ids.get(from) >= RUN) {
                    long first = ids.get(from);
                    int span = (int) (ids.get(i - 1) - first + 1);
                    sanctions.page(filter, first - 1, span).forEach(s -> byId.put(s.id(), s));
                    from = i;
                }
            }
            List<Delivery> out = new ArrayList<>();
            for (LiveEventRecord e : wanted) {
                SanctionRecord s = byId.get(Long.parseLong(e.subject()));
                if (s != null) {
                    out.add(new Delivery(e.seq(), new SanctionItem(e, s)));
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

    /** A release event with its release. */
    public record ReleaseItem(LiveEventRecord event, DataReleaseRecord release) {
    }

    /** A sanction event with its listing. */
    public record SanctionItem(LiveEventRecord event, SanctionRecord sanction) {
    }
}
