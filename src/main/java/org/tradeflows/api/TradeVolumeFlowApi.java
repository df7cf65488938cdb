package org.tradeflows.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Country;
import org.tradeflows.api.types.Coverage;
import org.tradeflows.api.types.FlowMeasures;
import org.tradeflows.api.types.OfficialTotal;
import org.tradeflows.api.types.Period;
import org.tradeflows.api.types.ProductCategory;
import org.tradeflows.api.types.SortDirection;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.api.types.TradeVolumeGroup;
import org.tradeflows.api.types.TradeVolumeGroupConnection;
import org.tradeflows.api.types.TradeVolumeGroupEdge;
import org.tradeflows.api.types.TradeVolumeOrder;
import org.tradeflows.input.Codes;
import org.tradeflows.input.Filters;
import org.tradeflows.input.FlowFilter;
import org.tradeflows.input.FlowFilters;
import org.tradeflows.input.ReleaseRefs;
import org.tradeflows.input.TradeVolumeFilter;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.TradeFlow;
import org.tradeflows.model.TradeVolumeDimension;
import org.tradeflows.model.TradeVolumeOrderField;
import org.tradeflows.query.FlowQuery;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.query.TradeVolumeFlowSql;
import org.tradeflows.store.CountryStore;
import org.tradeflows.store.FlowStore;
import org.tradeflows.store.ProductStore;
import org.tradeflows.store.SourceStore;
import org.tradeflows.store.TradeVolumeStore;

/** Official trade figures at any grain, and coverage: how much of them the company-level data can name. */
@GraphQLApi
public class TradeVolumeFlowApi {

    private final TradeVolumeStore volumes;
    private final Filters checks;
    private final FlowStore flows;
    private final FlowFilters filters;
    private final CountryStore countries;
    private final ProductStore products;
    private final SourceStore sources;
    private final Codes codes;
    private final io.smallrye.graphql.api.Context context;
    private final ReleaseRefs releaseRefs;

    public TradeVolumeFlowApi(TradeVolumeStore volumes, Filters checks, FlowStore flows, FlowFilters filters,
            CountryStore countries, ProductStore products, SourceStore sources, Codes codes,
            io.smallrye.graphql.api.Context context, ReleaseRefs releaseRefs) {
        this.releaseRefs = releaseRefs;
        this.context = context;
        this.volumes = volumes;
        this.checks = checks;
        this.flows = flows;
        this.filters = filters;
        this.countries = countries;
        this.products = products;
        this.sources = sources;
        this.codes = codes;
    }

    @Query("tradeVolumeFlows")
    @NonNull
    @Description("Official trade figures grouped by any combination of dimensions and summed by the database. Reporter, "
            + "flow, source and the all-goods flag always stay separate groups: the two sides of a pair (mirror data), "
            + "exports and imports, different publishers, and all-goods totals versus product-level figures are never "
            + "added together.")
    public TradeVolumeGroupConnection tradeVolumeFlows(
            @io.smallrye.graphql.api.Nullable @Name("groupBy") @Description("Dimensions to group by, beyond the implicit reporter, flow, source and all-goods.") List<@NonNull TradeVolumeDimension> groupBy,
            @Name("filter") @Description("Which figures to include.") TradeVolumeFilter filter,
            @io.smallrye.graphql.api.Nullable @Name("orderBy") @Description("Ordering; default VALUE_EUR descending. Group keys break ties.") List<@NonNull TradeVolumeOrder> orderBy,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after,
            @Name("asOf") @Description(ReleaseRefs.AS_OF) String asOf) {
        Long release = releaseRefs.asOf("asOf", asOf);
        List<TradeVolumeDimension> dims = groupBy == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(groupBy));
        Page page = Page.of(first, after, -1);
        TradeVolumeFlowSql.Query q = new TradeVolumeFlowSql.Query(dims, checks.tradeVolume(filter), orders(orderBy, dims),
                page.limit(), page.after(), release);
        List<TradeVolumeStore.GroupRow> rows = volumes.groups(q);
        Page.Slice<TradeVolumeGroupEdge> slice = page.slice(rows, r -> Page.cursor(r.sortValues()),
                (c, r) -> new TradeVolumeGroupEdge(c, TradeVolumeGroup.of(r.group())));
        long total = rows.isEmpty() ? 0 : rows.get(0).groupCount();
        if (rows.isEmpty() && page.hasAfter()) {
            List<TradeVolumeStore.GroupRow> any = volumes.groups(new TradeVolumeFlowSql.Query(dims, q.filter(), q.orderBy(), 1, null, release));
            total = any.isEmpty() ? 0 : any.get(0).groupCount();
        }
        return new TradeVolumeGroupConnection(slice.edges(), slice.pageInfo(), total);
    }

    private static List<TradeVolumeFlowSql.Order> orders(List<TradeVolumeOrder> orderBy, List<TradeVolumeDimension> dims) {
        if (orderBy == null || orderBy.isEmpty()) {
            return List.of(new TradeVolumeFlowSql.Order(TradeVolumeOrderField.VALUE_EUR, true));
        }
        List<TradeVolumeFlowSql.Order> out = new ArrayList<>();
        for (int i = 0; i < orderBy.size(); i++) {
            TradeVolumeOrder o = orderBy.get(i);
            boolean measure = TradeVolumeFlowSql.isMeasure(o.field());
            if (!measure && !TradeVolumeFlowSql.isImplicit(o.field())
                    && !dims.contains(TradeVolumeDimension.valueOf(o.field().name()))) {
                throw new BadUserInputException("orderBy[" + i + "].field: " + o.field() + " is a dimension that is not in groupBy");
            }
            out.add(new TradeVolumeFlowSql.Order(o.field(), o.direction() == null ? measure : o.direction() == SortDirection.DESC));
        }
        return out;
    }

    @Query("coverage")
    @NonNull
    @Description("Documented company-level flows from exporter to importer next to the official totals for the same "
            + "years and product — the exporter's reported exports and the importer's reported imports, each per source "
            + "— and the share of each official total that the company-level data names.")
    public Coverage coverage(
            @NonNull @Name("exporter") @Description("Exporting country: " + CountryCodes.ACCEPTED + ".") String exporter,
            @NonNull @Name("importer") @Description("Importing country: " + CountryCodes.ACCEPTED + ".") String importer,
            @NonNull @Name("yearFrom") @Description("First year (inclusive).") Integer yearFrom,
            @NonNull @Name("yearTo") @Description("Last year (inclusive).") Integer yearTo,
            @Name("hsCode") @Description("HS code prefix (2-6 digits); empty for all goods.") String hsCode,
            @Name("includeSynthetic") @Description("Count synthetic (generated) shipments as documented (default false).") Boolean includeSynthetic,
            @Name("asOf") @Description("The official totals as they stood at this data release (its id, key or upstream "
                    + "version) or date (YYYY-MM-DD: the newest release published by the end of that day, UTC); default "
                    + "the latest data. Company-level flows are always today's.") String asOf) {
        Long release = releaseRefs.asOf("asOf", asOf);
        String from = codes.country("exporter", exporter);
        String to = codes.country("importer", importer);
        Codes.checkYear("yearFrom", yearFrom);
        Codes.checkYear("yearTo", yearTo);
        if (yearFrom > yearTo) {
            throw new BadUserInputException("yearFrom: " + yearFrom + " is after yearTo " + yearTo);
        }
        String product = hsCode == null ? null : Codes.productPrefix("hsCode", hsCode);
        LocalDate start = LocalDate.of(yearFrom, 1, 1);
        LocalDate end = LocalDate.of(yearTo, 12, 31);
        FlowFilter flowFilter = new FlowFilter(start, end, null, null, List.of(from), List.of(to),
                product == null ? null : List.of(product), null, null, null, null, null, null, null, null, null,
                includeSynthetic);
        ShipmentScope scope = filters.scope(flowFilter, "coverage");
        var documented = FlowMeasures.of(flows.groups(FlowQuery.total(scope).withDistinct(SelectedFields.asks(context, SelectedFields.DISTINCT_FIELDS))).get(0).group().measures());
        List<OfficialTotal> official = new ArrayList<>();
        official.addAll(official(from, to, TradeFlow.EXPORT, yearFrom, yearTo, product, documented.valueEur(), release));
        official.addAll(official(to, from, TradeFlow.IMPORT, yearFrom, yearTo, product, documented.valueEur(), release));
        return new Coverage(new Period(start, end, yearFrom.equals(yearTo) ? String.valueOf(yearFrom) : yearFrom + "–" + yearTo),
                documented, official, from, to, product);
    }

    private List<OfficialTotal> official(String reporter, String partner, TradeFlow flow, int yearFrom, int yearTo,
            String product, BigDecimal documentedEur, Long release) {
        TradeVolumeFilter f = new TradeVolumeFilter(List.of(reporter), List.of(partner), List.of(flow), yearFrom, yearTo,
                product, product == null ? null : false, null);
        return volumes.groups(new TradeVolumeFlowSql.Query(List.of(), f, List.of(), 100, null, release)).stream()
                .map(r -> new OfficialTotal(TradeVolumeGroup.of(r.group()), ratio(documentedEur, r.group().valueEur()))).toList();
    }

    private static BigDecimal ratio(BigDecimal documented, BigDecimal official) {
        if (documented == null || official == null || official.signum() == 0) {
            return null;
        }
        return documented.divide(official, 8, RoundingMode.HALF_UP);
    }

    @Description("The exporting country.")
    public Country exporter(@Source Coverage coverage) {
        return Country.of(countries.byCodes(List.of(coverage.exporterCode()))).get(0);
    }

    @Description("The importing country.")
    public Country importer(@Source Coverage coverage) {
        return Country.of(countries.byCodes(List.of(coverage.importerCode()))).get(0);
    }

    @Description("The product category asked about; empty for all goods.")
    public ProductCategory product(@Source Coverage coverage) {
        return coverage.productCode() == null ? null
                : ProductCategory.of(products.byCodes(List.of(Codes.treeCode(coverage.productCode()))))
                        .stream().findFirst().orElse(null);
    }

    @Description("The reporting country.")
    public List<Country> reporter(@Source List<TradeVolumeGroup> groups) {
        return Batch.one(groups, TradeVolumeGroup::reporterCode,
                Country.of(countries.byCodes(Batch.keys(groups, TradeVolumeGroup::reporterCode))),
                Country::code);
    }

    @Description("The partner country, when grouped by PARTNER.")
    public List<Country> partner(@Source List<TradeVolumeGroup> groups) {
        return Batch.one(groups, TradeVolumeGroup::partnerCode,
                Country.of(countries.byCodes(Batch.keys(groups, TradeVolumeGroup::partnerCode))),
                Country::code);
    }

    @Name("source")
    @Description("The source of the figures.")
    public List<SourceType> groupSource(@Source List<TradeVolumeGroup> groups) {
        return Batch.one(groups, TradeVolumeGroup::sourceId,
                SourceType.of(sources.byIds(Batch.keys(groups, TradeVolumeGroup::sourceId))),
                s -> GlobalId.dbId(s.id()));
    }

    @Description("The HS section, when grouped by SECTION.")
    public List<ProductCategory> section(@Source List<TradeVolumeGroup> groups) {
        return categories(groups, TradeVolumeGroup::sectionCode);
    }

    @Description("The HS chapter, when grouped by HS2.")
    public List<ProductCategory> hs2(@Source List<TradeVolumeGroup> groups) {
        return categories(groups, TradeVolumeGroup::hs2Code);
    }

    @Description("The HS heading, when grouped by HS4.")
    public List<ProductCategory> hs4(@Source List<TradeVolumeGroup> groups) {
        return categories(groups, TradeVolumeGroup::hs4Code);
    }

    @Description("The HS subheading, when grouped by HS6.")
    public List<ProductCategory> hs6(@Source List<TradeVolumeGroup> groups) {
        return categories(groups, TradeVolumeGroup::hs6Code);
    }

    private List<ProductCategory> categories(List<TradeVolumeGroup> groups, java.util.function.Function<TradeVolumeGroup, String> code) {
        return Batch.one(groups, code, ProductCategory.of(products.byCodes(Batch.keys(groups, code))),
                ProductCategory::code);
    }
}
