package org.tradeflows.api;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Company;
import org.tradeflows.api.types.DataRelease;
import org.tradeflows.api.types.Finding;
import org.tradeflows.api.types.Sanction;
import org.tradeflows.api.types.SourceConnection;
import org.tradeflows.api.types.SourceEdge;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.api.types.Topic;
import org.tradeflows.api.types.TradeVolume;
import org.tradeflows.input.Codes;
import org.tradeflows.input.SourceFilter;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.Printable;
import org.tradeflows.store.SourceStore;

/** Sources, and the `source` field of every object that carries one (each batched). */
@GraphQLApi
public class SourceApi {

    private final SourceStore sources;

    public SourceApi(SourceStore sources) {
        this.sources = sources;
    }

    @Query("source")
    @Description("A source by key, e.g. telegraph-2025-09-03. Fails with NOT_FOUND for an unknown key.")
    public SourceType source(@NonNull @Name("key") @Description("The source's key.") String key) {
        return sources.byKey(key).map(SourceType::of)
                .orElseThrow(() -> new NotFoundException("key: no source '" + Printable.of(key) + "'"));
    }

    @Query("sources")
    @Description("Sources in the order they were recorded.")
    public SourceConnection sources(
            @Name("filter") @Description("Conditions the sources must meet.") SourceFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        if (filter != null) {
            Codes.text("filter.search", filter.search(), 200);
        }
        Page page = Page.of(first, after, 1);
        var rows = SourceType.of(sources.page(filter,
                page.hasAfter() ? Page.parseLongKey(page.afterKey(0), "after") : null, page.limit()));
        Page.Slice<SourceEdge> slice = page.slice(rows, s -> Page.cursor(GlobalId.parse(s.id()).key()), SourceEdge::new);
        return new SourceConnection(slice.edges(), slice.pageInfo(), sources.count(filter));
    }

    private <P> List<SourceType> of(List<P> parents, Function<P, Long> sourceId) {
        return Batch.one(parents, sourceId, SourceType.of(sources.byIds(Batch.keys(parents, sourceId))),
                s -> GlobalId.dbId(s.id()));
    }

    @Name("source")
    @Description("Where the company record comes from.")
    public List<SourceType> companySource(@Source List<Company> list) {
        return of(list, Company::sourceId);
    }

    @Name("source")
    @Description("Where the listing is reported.")
    public List<SourceType> sanctionSource(@Source List<Sanction> list) {
        return of(list, Sanction::sourceId);
    }

    @Name("source")
    @Description("Where the finding is reported.")
    public List<SourceType> findingSource(@Source List<Finding> list) {
        return of(list, Finding::sourceId);
    }

    @Name("source")
    @Description("Where the figure is published.")
    public List<SourceType> tradeVolumeSource(@Source List<TradeVolume> list) {
        return of(list, TradeVolume::sourceId);
    }

    @Name("source")
    @Description("The main source of the release.")
    public List<SourceType> releaseSource(@Source List<DataRelease> list) {
        return of(list, DataRelease::sourceId);
    }

    @Name("source")
    @Description("Who curated the topic.")
    public List<SourceType> topicSource(@Source List<Topic> list) {
        return of(list, Topic::sourceId);
    }
}
