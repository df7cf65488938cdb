package org.tradeflows.api;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Country;
import org.tradeflows.api.types.DataRelease;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.api.types.TransitRoute;
import org.tradeflows.api.types.TransitRouteConnection;
import org.tradeflows.api.types.TransitRouteEdge;
import org.tradeflows.input.TransitRouteFilter;
import org.tradeflows.query.TransitRouteQuery;
import org.tradeflows.query.TransitRouteSql;
import org.tradeflows.store.CountryStore;
import org.tradeflows.api.types.MirrorGap;
import org.tradeflows.api.types.MirrorGapConnection;
import org.tradeflows.api.types.MirrorGapEdge;
import org.tradeflows.api.types.MirrorSide;
import org.tradeflows.input.InvestigationFilters;
import org.tradeflows.input.MirrorGapFilter;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.MirrorGapRecord;
import org.tradeflows.query.MirrorGapQuery;
import org.tradeflows.query.MirrorGapSql;
import org.tradeflows.store.KeyedRow;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SourceStore;
import org.tradeflows.store.TransitStore;

/** Transit and mirror gaps over official statistics: re-routing tables, and what each side of a trade declared. */
@GraphQLApi
public class TransitApi {

    private final TransitStore transit;
    private final InvestigationFilters filters;
    private final SourceStore sources;
    private final ReleaseStore releases;
    private final CountryStore countries;

    public TransitApi(TransitStore transit, InvestigationFilters filters, SourceStore sources, ReleaseStore releases,
            CountryStore countries) {
        this.countries = countries;
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
        Page page = Page.of(first, after, MirrorGapSql.ORDER);
        List<KeyedRow<MirrorGapRecord>> rows = transit.mirrorGaps(q, page.after(), page.limit());
        Page.Slice<MirrorGapEdge> slice = page.slice(rows, r -> Page.cursor(r.key()),
                (cursor, r) -> new MirrorGapEdge(cursor, MirrorGap.of(r.row())));
        return new MirrorGapConnection(slice.edges(), slice.pageInfo());
    }

    @Query("transitRoutes")
    @NonNull
    @Description("The re-routing table: for each candidate transit country, origin → transit and transit → "
            + "destination in the same goods in the year before and the year after a date, with growth and the transit "
            + "country's share of the destination's imports, largest flow into the destination the year after first.")
    public TransitRouteConnection transitRoutes(
            @NonNull @Name("filter") @Description("Origin, destination, transit countries, goods and the two years.") TransitRouteFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        TransitRouteQuery q = filters.transitRoutes(filter, "filter");
        Page page = Page.of(first, after, TransitRouteSql.ORDER);
        Page.Slice<TransitRouteEdge> slice = page.slice(transit.transitRoutes(q, page.after(), page.limit()),
                r -> Page.cursor(r.key()), (cursor, r) -> new TransitRouteEdge(cursor, TransitRoute.of(r.row())));
        return new TransitRouteConnection(slice.edges(), slice.pageInfo());
    }

    @Description("The transit country.")
    public List<Country> via(@Source List<TransitRoute> list) {
        return Batch.one(list, TransitRoute::viaCode, Country.of(countries.byCodes(Batch.keys(list, TransitRoute::viaCode))), Country::code);
    }

    @Name("source")
    @Description("The source of the figures of this row.")
    public List<SourceType> routeSource(@Source List<TransitRoute> list) {
        return Batch.one(list, TransitRoute::sourceId, SourceType.of(sources.byIds(Batch.keys(list, TransitRoute::sourceId))),
                s -> GlobalId.dbId(s.id()));
    }

    @Name("source")
    @Description("The source of this side's figures.")
    public List<SourceType> sideSource(@Source List<MirrorSide> list) {
        return Batch.one(list, MirrorSide::sourceId, SourceType.of(sources.byIds(Batch.keys(list, MirrorSide::sourceId))),
                s -> GlobalId.dbId(s.id()));
    }

    @Description("The latest data release among this side's figures.")
    public List<DataRelease> release(@Source List<MirrorSide> list) {
        return Batch.one(list, MirrorSide::releaseId, releases.byIds(Batch.keys(list, MirrorSide::releaseId)),
                DataReleaseRecord::id).stream().map(r -> r == null ? null : DataRelease.of(r)).toList();
    }
}
