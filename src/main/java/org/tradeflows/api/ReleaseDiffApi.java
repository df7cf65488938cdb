package org.tradeflows.api;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.ReleaseChange;
import org.tradeflows.api.types.ReleaseChangeConnection;
import org.tradeflows.api.types.ReleaseChangeEdge;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.api.types.TradeVolume;
import org.tradeflows.input.Filters;
import org.tradeflows.input.ReleaseRefs;
import org.tradeflows.input.TradeVolumeFilter;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.TradeVolumeRecord;
import org.tradeflows.sql.Sql;
import org.tradeflows.store.SourceStore;
import org.tradeflows.store.TradeVolumeHistoryStore;
import org.tradeflows.store.TradeVolumeStore;

/** What changed in the official figures between two data releases: added, revised and withdrawn figures. */
@GraphQLApi
public class ReleaseDiffApi {

    private final TradeVolumeHistoryStore history;
    private final ReleaseRefs releaseRefs;
    private final Filters filters;
    private final SourceStore sources;

    public ReleaseDiffApi(TradeVolumeHistoryStore history, ReleaseRefs releaseRefs, Filters filters, SourceStore sources) {
        this.history = history;
        this.releaseRefs = releaseRefs;
        this.filters = filters;
        this.sources = sources;
    }

    @Query("releaseDiff")
    @NonNull
    @Description("Official figures added, revised (old and new value, each with its release) or withdrawn between two "
            + "releases, ordered by the figure's natural key. Releases are named as in `asOf`: id, key, upstream version "
            + "or date YYYY-MM-DD.")
    public ReleaseChangeConnection releaseDiff(
            @NonNull @Name("from") @Description("The earlier release (or date).") String from,
            @Name("to") @Description("The later release (or date); default the latest.") String to,
            @Name("filter") @Description("Only figures meeting these conditions (in either release).") TradeVolumeFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        if (from == null || from.isBlank()) {
            throw new BadUserInputException("from: required; " + ReleaseRefs.ACCEPTED);
        }
        long fromId = releaseRefs.release("from", from);
        long toId = releaseRefs.release("to", to);
        Sql f = TradeVolumeStore.where(filters.tradeVolume(filter));
        Page page = Page.of(first, after, 1);
        List<TradeVolumeHistoryStore.Change> rows = history.diff(fromId, toId, f, page.hasAfter() ? page.afterKey(0) : null,
                page.limit());
        Page.Slice<ReleaseChangeEdge> slice = page.slice(rows, c -> Page.cursor(c.key()),
                (cursor, c) -> new ReleaseChangeEdge(cursor, change(c)));
        return new ReleaseChangeConnection(slice.edges(), slice.pageInfo(), history.diffCount(fromId, toId, f));
    }

    private static ReleaseChange change(TradeVolumeHistoryStore.Change c) {
        TradeVolumeRecord k = c.after() != null ? c.after() : c.before();
        return new ReleaseChange(c.change(), k.reporterCode(), k.partnerCode(), k.flow(), k.period().start(),
                k.period().end(), k.productCode(), k.value().currency(), TradeVolume.of(c.before()),
                TradeVolume.of(c.after()), k.sourceId());
    }

    @Name("source")
    @Description("The source of the figure.")
    public List<SourceType> changeSource(@Source List<ReleaseChange> changes) {
        return Batch.one(changes, ReleaseChange::sourceId,
                SourceType.of(sources.byIds(Batch.keys(changes, ReleaseChange::sourceId))),
                s -> GlobalId.dbId(s.id()));
    }
}
