package org.tradeflows.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Country;
import org.tradeflows.api.types.DataRelease;
import org.tradeflows.api.types.ProductCategory;
import org.tradeflows.api.types.TradeVolume;
import org.tradeflows.api.types.TradeVolumeConnection;
import org.tradeflows.api.types.TradeVolumeEdge;
import org.tradeflows.input.Filters;
import org.tradeflows.input.ReleaseRefs;
import org.tradeflows.input.TradeVolumeFilter;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.CountryStore;
import org.tradeflows.store.ProductStore;
import org.tradeflows.store.TradeVolumeStore;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.store.ReleaseStore;

/** Official country-level trade figures, each as its reporter and source publish it. */
@GraphQLApi
public class TradeVolumeApi {

    private final TradeVolumeStore volumes;
    private final CountryStore countries;
    private final ProductStore products;
    private final ReleaseStore releases;
    private final Filters filters;
    private final ReleaseRefs releaseRefs;

    public TradeVolumeApi(TradeVolumeStore volumes, CountryStore countries, ProductStore products, ReleaseStore releases,
            Filters filters, ReleaseRefs releaseRefs) {
        this.releaseRefs = releaseRefs;
        this.volumes = volumes;
        this.countries = countries;
        this.products = products;
        this.releases = releases;
        this.filters = filters;
    }

    @Query("tradeVolumes")
    @Description("Official trade figures ordered by period. Figures of different sources or reporters for the same "
            + "pair and period are separate rows: compare them, do not add them.")
    public TradeVolumeConnection tradeVolumes(
            @Name("filter") @Description("Conditions the figures must meet.") TradeVolumeFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after,
            @Name("asOf") @Description(ReleaseRefs.AS_OF) String asOf) {
        TradeVolumeFilter f = filters.tradeVolume(filter);
        Long release = releaseRefs.asOf("asOf", asOf);
        Page page = Page.of(first, after, 2);
        LocalDate afterStart = null;
        Long afterId = null;
        if (page.hasAfter()) {
            try {
                afterStart = LocalDate.parse(page.afterKey(0));
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadUserInputException("after: not a cursor of this connection");
            }
            afterId = Page.parseLongKey(page.afterKey(1), "after");
        }
        List<TradeVolume> rows = TradeVolume.of(volumes.page(f, release, afterStart, afterId, page.limit()));
        Page.Slice<TradeVolumeEdge> slice = page.slice(rows,
                t -> Page.cursor(t.period().start(), GlobalId.parse(t.id()).key()), TradeVolumeEdge::new);
        return new TradeVolumeConnection(slice.edges(), slice.pageInfo(), volumes.count(f, release));
    }

    @Description("The country that publishes the figure.")
    public List<Country> reporter(@Source List<TradeVolume> list) {
        return Batch.one(list, TradeVolume::reporterCode,
                Country.of(countries.byCodes(Batch.keys(list, TradeVolume::reporterCode))),
                Country::code);
    }

    @Description("The partner country.")
    public List<Country> partner(@Source List<TradeVolume> list) {
        return Batch.one(list, TradeVolume::partnerCode,
                Country.of(countries.byCodes(Batch.keys(list, TradeVolume::partnerCode))),
                Country::code);
    }

    @Description("The product category; empty for all goods.")
    public List<ProductCategory> product(@Source List<TradeVolume> list) {
        return Batch.one(list, TradeVolume::productCode,
                ProductCategory.of(products.byCodes(Batch.keys(list, TradeVolume::productCode))),
                ProductCategory::code);
    }

    @Description("The data release the figure was loaded in.")
    public List<DataRelease> release(@Source List<TradeVolume> list) {
        return Batch.one(list, TradeVolume::releaseId, releases.byIds(Batch.keys(list, TradeVolume::releaseId)),
                DataReleaseRecord::id).stream().map(r -> r == null ? null : DataRelease.of(r)).toList();
    }
}
