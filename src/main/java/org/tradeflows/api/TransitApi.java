package org.tradeflows.api;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.DataRelease;
import org.tradeflows.api.types.MirrorGap;
import org.tradeflows.api.types.MirrorGapConnection;
import org.tradeflows.api.types.MirrorGapEdge;
import org.tradeflows.api.types.MirrorSide;
import org.tradeflows.input.InvestigationFilters;
import org.tradeflows.input.MirrorGapFilter;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.model.GlobalId;
import org.tradeflows.query.Keyset;
import org.tradeflows.query.MirrorGapQuery;
import org.tradeflows.query.MirrorGapSql;
import org.tradeflows.store.KeyedRow;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SourceStore;
import org.tradeflows.store.TransitStore;

/** Mirror gaps over official statistics: what each side of a trade declared, side by side. */
@GraphQLApi
public class TransitApi {

    private final TransitStore transit;
    private final InvestigationFilters filters;
    private final SourceStore sources;
    private final ReleaseStore releases;

    public TransitApi(TransitStore transit, InvestigationFilters filters, SourceStore sources, ReleaseStore releases) {
        this.transit = transit;
        this.filters = filters;
        this.sources = sources;
        this.releases = releases;
    }

    @Query("mirrorGaps")
    @NonNull
    @Description("What the exporter declared exporting to the importer beside what the importer declared importing "
            + "from the exporter, per period and HS code, each side from its own source and release, with the gap in "
            + "EUR and in per cent and whether it lies outside the usual CIF/FOB and timing band. A side nobody "
            + "reported is empty, never 0.")
    public MirrorGapConnection mirrorGaps(
            @NonNull @Name("filter") @Description("The two countries, the goods, the level and the band.") MirrorGapFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        MirrorGapQuery q = filters.mirrorGaps(filter, "filter");
        Page page = Page.of(first, after, MirrorGapSql.ORDER.size());
        if (page.hasAfter()) {
            Keyset.check(MirrorGapSql.ORDER, page.after());
        }
        List<KeyedRow<org.tradeflows.model.MirrorGapRecord>> rows = transit.mirrorGaps(q, page.after(), page.limit());
        Page.Slice<MirrorGapEdge> slice = page.slice(rows, r -> Page.cursor(r.key()),
                (cursor, r) -> new MirrorGapEdge(cursor, MirrorGap.of(r.row())));
        return new MirrorGapConnection(slice.edges(), slice.pageInfo());
    }

    @Name("source")
    @Description("The source of this side's figures.")
    public List<org.tradeflows.api.types.Source> sideSource(@Source List<MirrorSide> list) {
        return Batch.one(list, MirrorSide::sourceId, sources.byIds(Batch.keys(list, MirrorSide::sourceId)),
                s -> GlobalId.dbId(s.id()));
    }

    @Description("The latest data release among this side's figures.")
    public List<DataRelease> release(@Source List<MirrorSide> list) {
        return Batch.one(list, MirrorSide::releaseId, releases.byIds(Batch.keys(list, MirrorSide::releaseId)),
                DataReleaseRecord::id).stream().map(r -> r == null ? null : DataRelease.of(r)).toList();
    }
}
