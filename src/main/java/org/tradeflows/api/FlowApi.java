package org.tradeflows.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Company;
import org.tradeflows.api.types.Country;
import org.tradeflows.api.types.FlowConnection;
import org.tradeflows.api.types.FlowEdge;
import org.tradeflows.api.types.FlowGroup;
import org.tradeflows.api.types.FlowOrder;
import org.tradeflows.api.types.ProductCategory;
import org.tradeflows.api.types.SortDirection;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.input.Filters;
import org.tradeflows.input.FlowFilter;
import org.tradeflows.input.FlowFilters;
import org.tradeflows.input.ReleaseRefs;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowOrderField;
import org.tradeflows.model.GlobalId;
import org.tradeflows.query.FlowQuery;
import org.tradeflows.query.FlowSql;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.store.CompanyStore;
import org.tradeflows.store.CountryStore;
import org.tradeflows.store.FlowStore;
import org.tradeflows.store.ProductStore;
import org.tradeflows.store.SourceStore;

/** flows: company-level trade at any grain, from the grand total down to single companies and months. */
@GraphQLApi
public class FlowApi {

    private final FlowStore flows;
    private final FlowFilters filters;
    private final CompanyStore companies;
    private final CountryStore countries;
    private final ProductStore products;
    private final SourceStore sources;
    private final io.smallrye.graphql.api.Context context;
    private final ReleaseRefs releaseRefs;

    public FlowApi(FlowStore flows, FlowFilters filters, CompanyStore companies, CountryStore countries,
            ProductStore products, SourceStore sources, io.smallrye.graphql.api.Context context, ReleaseRefs releaseRefs) {
        this.releaseRefs = releaseRefs;
        this.context = context;
        this.flows = flows;
        this.filters = filters;
        this.companies = companies;
        this.countries = countries;
        this.products = products;
        this.sources = sources;
    }

    @Query("flows")
    @NonNull
    @Description("Company-level flows (shipments) grouped by any combination of dimensions, with measures summed by "
            + "the database. No groupBy gives one group: the grand total of the filter. Findings are never included: "
            + "they are claims about flows, not flows.")
    public FlowConnection flows(
            @io.smallrye.graphql.api.Nullable @Name("groupBy") @Description("Dimensions to group by (at most 6); none for the grand total.") List<@NonNull FlowDimension> groupBy,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @io.smallrye.graphql.api.Nullable @Name("orderBy") @Description("Ordering; default VALUE_EUR descending. Group keys break ties.") List<@NonNull FlowOrder> orderBy,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after,
            @Name("asOf") @Description(ReleaseRefs.AS_OF_RECORDS + " As of an earlier release the sums are computed from "
                    + "the shipments (servedFrom SHIPMENTS): the rollups hold only today's.") String asOf) {
        List<FlowDimension> dims = Filters.dimensions(groupBy);
        ShipmentScope scope = filters.scope(filter, "filter").asOf(releaseRefs.asOf("asOf", asOf));
        Page page = Page.of(first, after, -1);
        FlowQuery q = new FlowQuery(dims, scope, orders(orderBy, dims), page.limit(), page.after(), null,
                SelectedFields.asks(context, SelectedFields.DISTINCT_FIELDS));
        List<FlowStore.Row> rows = flows.groups(q);
        Page.Slice<FlowEdge> slice = page.slice(rows, r -> Page.cursor(r.sortValues()), (c, r) -> new FlowEdge(c, FlowGroup.of(r.group())));
        long total = rows.isEmpty() ? (page.hasAfter() ? countGroups(dims, scope) : 0) : rows.get(0).groupCount();
        String served = rows.isEmpty() ? "SHIPMENTS" : rows.get(0).base().name();
        return new FlowConnection(slice.edges(), slice.pageInfo(), total, served, scope);
    }

    private long countGroups(List<FlowDimension> dims, ShipmentScope scope) {
        List<FlowStore.Row> first = flows.groups(new FlowQuery(dims, scope, List.of(), 1, null, null, false));
        return first.isEmpty() ? 0 : first.get(0).groupCount();
    }

    /** Distinct company counts cannot come from a rollup: they are computed only when the query asks for them. */
    static List<FlowQuery.Order> orders(List<FlowOrder> orderBy, List<FlowDimension> dims) {
        if (orderBy == null || orderBy.isEmpty()) {
            return List.of(new FlowQuery.Order(FlowOrderField.VALUE_EUR, true));
        }
        List<FlowQuery.Order> out = new ArrayList<>();
        for (int i = 0; i < orderBy.size(); i++) {
            FlowOrder o = orderBy.get(i);
            boolean measure = FlowSql.isMeasure(o.field());
            if (!measure && !dims.contains(FlowDimension.valueOf(o.field().name()))) {
                throw new BadUserInputException("orderBy[" + i + "].field: " + o.field()
                        + " is a dimension that is not in groupBy");
            }
            boolean descending = o.direction() == null ? measure : o.direction() == SortDirection.DESC;
            out.add(new FlowQuery.Order(o.field(), descending));
        }
        return out;
    }

    @Description("The grand total of the filter over all groups (one extra aggregate, computed only when asked for).")
    public FlowGroup total(@Source FlowConnection connection) {
        return FlowGroup.of(flows.groups(FlowQuery.total(connection.scope()).withDistinct(SelectedFields.asks(context, SelectedFields.DISTINCT_FIELDS))).get(0).group());
    }

    @Description("The supplier, when grouped by SUPPLIER.")
    public List<Company> supplier(@Source List<FlowGroup> groups) {
        return Batch.oneByEntry(groups, FlowGroup::supplierId,
                Batch.mapped(companies.byIds(Batch.keys(groups, FlowGroup::supplierId)), Company::of));
    }

    @Description("The recipient, when grouped by RECIPIENT.")
    public List<Company> recipient(@Source List<FlowGroup> groups) {
        return Batch.oneByEntry(groups, FlowGroup::recipientId,
                Batch.mapped(companies.byIds(Batch.keys(groups, FlowGroup::recipientId)), Company::of));
    }

    @Description("The supplier country, when grouped by SUPPLIER_COUNTRY.")
    public List<Country> supplierCountry(@Source List<FlowGroup> groups) {
        return countriesOf(groups, FlowGroup::supplierCountryCode);
    }

    @Description("The recipient country, when grouped by RECIPIENT_COUNTRY.")
    public List<Country> recipientCountry(@Source List<FlowGroup> groups) {
        return countriesOf(groups, FlowGroup::recipientCountryCode);
    }

    @Description("The intermediary country, when grouped by INTERMEDIARY_COUNTRY (empty: shipments without one).")
    public List<Country> intermediaryCountry(@Source List<FlowGroup> groups) {
        return countriesOf(groups, FlowGroup::intermediaryCountryCode);
    }

    private List<Country> countriesOf(List<FlowGroup> groups, java.util.function.Function<FlowGroup, String> code) {
        return Batch.one(groups, code, Country.of(countries.byCodes(Batch.keys(groups, code))), Country::code);
    }

    @Description("The HS section, when grouped by SECTION.")
    public List<ProductCategory> section(@Source List<FlowGroup> groups) {
        return categoriesOf(groups, FlowGroup::sectionCode);
    }

    @Description("The HS chapter, when grouped by HS2.")
    public List<ProductCategory> hs2(@Source List<FlowGroup> groups) {
        return categoriesOf(groups, FlowGroup::hs2Code);
    }

    @Description("The HS heading, when grouped by HS4.")
    public List<ProductCategory> hs4(@Source List<FlowGroup> groups) {
        return categoriesOf(groups, FlowGroup::hs4Code);
    }

    @Description("The HS subheading, when grouped by HS6.")
    public List<ProductCategory> hs6(@Source List<FlowGroup> groups) {
        return categoriesOf(groups, FlowGroup::hs6Code);
    }

    private List<ProductCategory> categoriesOf(List<FlowGroup> groups, java.util.function.Function<FlowGroup, String> code) {
        return Batch.one(groups, code, ProductCategory.of(products.byCodes(Batch.keys(groups, code))),
                ProductCategory::code);
    }

    @Description("The source, when grouped by SOURCE.")
    public List<SourceType> source(@Source List<FlowGroup> groups) {
        return Batch.one(groups, FlowGroup::sourceId,
                SourceType.of(sources.byIds(Batch.keys(groups, FlowGroup::sourceId))),
                s -> GlobalId.dbId(s.id()));
    }
}
