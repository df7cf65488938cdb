package org.tradeflows.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Company;
import org.tradeflows.api.types.Counterparty;
import org.tradeflows.api.types.CounterpartyConnection;
import org.tradeflows.api.types.CounterpartyEdge;
import org.tradeflows.api.types.Country;
import org.tradeflows.api.types.FlowConnection;
import org.tradeflows.api.types.FlowEdge;
import org.tradeflows.api.types.FlowGroup;
import org.tradeflows.api.types.FlowMeasures;
import org.tradeflows.api.types.PageInfo;
import org.tradeflows.api.types.PartnerTotal;
import org.tradeflows.api.types.PartnerTotalConnection;
import org.tradeflows.api.types.PartnerTotalEdge;
import org.tradeflows.api.types.ProductCategory;
import org.tradeflows.api.types.ProductTotal;
import org.tradeflows.api.types.Shipment;
import org.tradeflows.api.types.ShipmentConnection;
import org.tradeflows.api.types.ShipmentEdge;
import org.tradeflows.input.Filters;
import org.tradeflows.input.FlowFilter;
import org.tradeflows.input.FlowFilters;
import org.tradeflows.input.ReleaseRefs;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.CounterpartyRecord;
import org.tradeflows.model.PartnerTotalRecord;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowGroupRecord;
import org.tradeflows.model.ProductLevel;
import org.tradeflows.query.FlowQuery;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.store.CompanyStore;
import org.tradeflows.store.CountryStore;
import org.tradeflows.store.FlowStore;
import org.tradeflows.store.ProductStore;
import org.tradeflows.store.ShipmentStore;

/**
 * Navigation from companies, product categories and countries to their flows. Each field below answers for every
 * parent in a list with one partitioned statement (N+1 is solved here; NavigationBatchingTest counts statements).
 */
@GraphQLApi
public class FlowNavigationApi {

    static final int DEFAULT_NESTED = 10;
    static final int MAX_NESTED = 100;

    private final FlowStore flows;
    private final ShipmentStore shipments;
    private final FlowFilters filters;
    private final CompanyStore companies;
    private final CountryStore countries;
    private final ProductStore products;
    private final io.smallrye.graphql.api.Context context;
    private final ReleaseRefs releaseRefs;

    public FlowNavigationApi(FlowStore flows, ShipmentStore shipments, FlowFilters filters, CompanyStore companies,
            CountryStore countries, ProductStore products, io.smallrye.graphql.api.Context context,
            ReleaseRefs releaseRefs) {
        this.releaseRefs = releaseRefs;
        this.context = context;
        this.flows = flows;
        this.shipments = shipments;
        this.filters = filters;
        this.companies = companies;
        this.countries = countries;
        this.products = products;
    }

    /** The filter's scope, read as of the release asOf names (null: the latest data). */
    private ShipmentScope scope(FlowFilter filter, String asOf) {
        return filters.scope(filter, "filter").asOf(releaseRefs.asOf("asOf", asOf));
    }

    static int nested(Integer first) {
        int n = first == null ? DEFAULT_NESTED : first;
        if (n < 0 || n > MAX_NESTED) {
            throw new BadUserInputException("first: must be between 0 and " + MAX_NESTED + ", got " + n);
        }
        return n;
    }

    /** One page of groups per parent (first/after as every connection), read in one partitioned statement. */
    private <K> List<FlowConnection> partitioned(List<K> keys, FlowQuery.PartitionKind kind, List<FlowDimension> groupBy,
            ShipmentScope scope, Integer first, String after, List<?> parents, java.util.function.Function<Object, K> keyOf) {
        List<FlowDimension> dims = Filters.dimensions(groupBy);
        Page page = Page.of(nested(first), after, -1);
        FlowQuery q = new FlowQuery(dims, scope, FlowApi.orders(null, dims), page.limit(), page.after(),
                new FlowQuery.Partition(kind, keys), SelectedFields.asks(context, SelectedFields.DISTINCT_FIELDS));
        Map<Object, List<FlowStore.Row>> byParent = new HashMap<>();
        for (FlowStore.Row row : flows.groups(q)) {
            byParent.computeIfAbsent(row.partitionKey(), k -> new ArrayList<>()).add(row);
        }
        return parents.stream().map(p -> {
            List<FlowStore.Row> rows = byParent.getOrDefault(keyOf.apply(p), List.of());
            Page.Slice<FlowEdge> slice = page.slice(rows, r -> Page.cursor(r.sortValues()),
                    (c, r) -> new FlowEdge(c, FlowGroup.of(r.group())));
            long total = rows.isEmpty() ? 0 : rows.get(0).groupCount();
            String served = rows.isEmpty() ? "SHIPMENTS" : rows.get(0).base().name();
            return new FlowConnection(slice.edges(), slice.pageInfo(), total, served, scope);
        }).toList();
    }

    @Name("flows")
    @Description("The company's flows (as supplier or recipient) grouped by the given dimensions, largest first "
            + "(Relay connection).")
    public List<@NonNull FlowConnection> companyFlows(@Source List<Company> list,
            @io.smallrye.graphql.api.Nullable @Name("groupBy") @Description("Dimensions to group by; none for the company's total.") List<@NonNull FlowDimension> groupBy,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @Name("first") @Description("Groups per company, 0 to 100 (default 10).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after,
            @Name("asOf") @Description(ReleaseRefs.AS_OF_RECORDS) String asOf) {
        return partitioned(Batch.keys(list, Company::dbId), FlowQuery.PartitionKind.COMPANY, groupBy, scope(filter, asOf),
                first, after,
                list, c -> ((Company) c).dbId());
    }

    @Description("Companies on the other side of the company's flows, with totals per direction, largest first "
            + "(Relay connection).")
    public List<@NonNull CounterpartyConnection> counterparties(@Source List<Company> list,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @Name("first") @Description("Counterparties per company, 0 to 100 (default 10).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after,
            @Name("asOf") @Description(ReleaseRefs.AS_OF_RECORDS) String asOf) {
        Page page = Page.of(nested(first), after, -1);
        List<FlowStore.PartRow<Long, CounterpartyRecord>> rows = flows.counterparties(Batch.keys(list, Company::dbId),
                scope(filter, asOf), page.limit(), page.after());
        return pages(list, Company::dbId, rows, page, (c, r) -> new CounterpartyEdge(c, Counterparty.of(r.item())),
                CounterpartyConnection::new);
    }

    /** One page per parent from the rows of one partitioned statement, in the order of the parents. */
    private static <P, K, T, E, C> List<C> pages(List<P> parents, java.util.function.Function<P, K> keyOf,
            List<FlowStore.PartRow<K, T>> rows, Page page, java.util.function.BiFunction<String, FlowStore.PartRow<K, T>, E> edge,
            ConnectionMaker<E, C> connection) {
        Map<K, List<FlowStore.PartRow<K, T>>> byParent = new HashMap<>();
        rows.forEach(r -> byParent.computeIfAbsent(r.part(), k -> new ArrayList<>()).add(r));
        return parents.stream().map(p -> {
            List<FlowStore.PartRow<K, T>> mine = byParent.getOrDefault(keyOf.apply(p), List.of());
            Page.Slice<E> slice = page.slice(mine, r -> Page.cursor(r.sortValues()), edge);
            return connection.make(slice.edges(), slice.pageInfo(), mine.isEmpty() ? 0 : mine.get(0).groupCount());
        }).toList();
    }

    @FunctionalInterface
    private interface ConnectionMaker<E, C> {
        C make(List<E> edges, PageInfo pageInfo, long totalCount);
    }

    @Description("The company on the other side.")
    public List<Company> company(@Source List<Counterparty> list) {
        return Batch.oneByEntry(list, Counterparty::companyId,
                Batch.mapped(companies.byIds(Batch.keys(list, Counterparty::companyId)), Company::of));
    }

    @Name("shipments")
    @Description("The company's shipments (as supplier or recipient) by date (Relay connection).")
    public List<@NonNull ShipmentConnection> companyShipments(@Source List<Company> list,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @Name("first") @Description("Shipments per company, 0 to 100 (default 10).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after,
            @Name("asOf") @Description(ReleaseRefs.AS_OF_RECORDS) String asOf) {
        ShipmentScope scope = scope(filter, asOf);
        Page page = Page.of(nested(first), after, 2);
        java.time.LocalDate afterDate = null;
        Long afterId = null;
        if (page.hasAfter()) {
            try {
                afterDate = java.time.LocalDate.parse(page.afterKey(0));
            } catch (RuntimeException e) {
                throw new BadUserInputException("after: not a cursor of this connection");
            }
            afterId = Page.parseLongKey(page.afterKey(1), "after");
        }
        List<Long> ids = Batch.keys(list, Company::dbId);
        List<Map.Entry<Long, Long>> pageIds = shipments.pageOfCompanies(ids, scope, afterDate, afterId, page.limit());
        Map<Long, Shipment> byId = new HashMap<>();
        if (!pageIds.isEmpty()) {
            Shipment.of(shipments.byIds(pageIds.stream().map(Map.Entry::getValue).distinct().toList(),
                    scope.asOfRelease()))
                    .forEach(s -> byId.put(s.dbId(), s));
        }
        Map<Long, List<Shipment>> byCompany = new HashMap<>();
        for (Map.Entry<Long, Long> e : pageIds) {
            byCompany.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(byId.get(e.getValue()));
        }
        Map<Long, Long> totals = SelectedFields.asks(context, java.util.Set.of("totalCount"))
                ? shipments.countOfCompanies(ids, scope) : null;
        return list.stream().map(c -> {
            Page.Slice<ShipmentEdge> slice = page.slice(byCompany.getOrDefault(c.dbId(), List.of()),
                    s -> Page.cursor(s.period().start(), s.dbId()), ShipmentEdge::new);
            return new ShipmentConnection(slice.edges(), slice.pageInfo(), scope,
                    totals == null ? null : totals.getOrDefault(c.dbId(), 0L));
        }).toList();
    }

    @Name("flows")
    @Description("Flows of goods under this category grouped by the given dimensions, largest first (Relay connection).")
    public List<@NonNull FlowConnection> productFlows(@Source List<ProductCategory> list,
            @io.smallrye.graphql.api.Nullable @Name("groupBy") @Description("Dimensions to group by; none for the category's total.") List<@NonNull FlowDimension> groupBy,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @Name("first") @Description("Groups per category, 0 to 100 (default 10).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after,
            @Name("asOf") @Description(ReleaseRefs.AS_OF_RECORDS) String asOf) {
        return partitioned(Batch.keys(list, ProductCategory::code), FlowQuery.PartitionKind.PRODUCT, groupBy,
                scope(filter, asOf), first, after, list, c -> ((ProductCategory) c).code());
    }

    @Description("The categories one level down with the totals of the flows under each, largest first (only children "
            + "with flows are listed). One statement per level of the categories asked about.")
    public List<List<@NonNull ProductTotal>> childTotals(@Source List<ProductCategory> list,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @Name("asOf") @Description(ReleaseRefs.AS_OF_RECORDS) String asOf) {
        ShipmentScope scope = scope(filter, asOf);
        Map<String, List<ProductTotal>> byParent = new HashMap<>();
        for (ProductLevel level : ProductLevel.values()) {
            List<String> parents = list.stream().filter(c -> c.level() == level).map(ProductCategory::code).distinct().toList();
            FlowDimension child = switch (level) {
                case SECTION -> FlowDimension.HS2;
                case CHAPTER -> FlowDimension.HS4;
                case HEADING -> FlowDimension.HS6;
                case SUBHEADING -> null;
            };
            if (parents.isEmpty() || child == null) {
                continue;
            }
            FlowQuery q = new FlowQuery(List.of(child), scope, FlowApi.orders(null, List.of(child)), MAX_NESTED, null,
                    new FlowQuery.Partition(FlowQuery.PartitionKind.PRODUCT, parents), SelectedFields.asks(context, SelectedFields.DISTINCT_FIELDS));
            List<FlowStore.Row> rows = flows.groups(q);
            List<String> childCodes = rows.stream().map(r -> childCode(r.group(), child)).filter(java.util.Objects::nonNull)
                    .distinct().toList();
            Map<String, ProductCategory> categories = new HashMap<>();
            ProductCategory.of(products.byCodes(childCodes)).forEach(p -> categories.put(p.code(), p));
            for (FlowStore.Row r : rows) {
                ProductCategory c = categories.get(childCode(r.group(), child));
                if (c != null) {
                    byParent.computeIfAbsent((String) r.partitionKey(), k -> new ArrayList<>())
                            .add(new ProductTotal(c, FlowMeasures.of(r.group().measures())));
                }
            }
        }
        return list.stream().map(c -> byParent.getOrDefault(c.code(), List.of())).toList();
    }

    private static String childCode(FlowGroupRecord g, FlowDimension child) {
        return switch (child) {
            case HS2 -> g.hs2Code();
            case HS4 -> g.hs4Code();
            default -> g.hs6Code();
        };
    }

    @Description("Partner countries of the country's documented company-level flows, with totals per direction, "
            + "largest first (Relay connection).")
    public List<@NonNull PartnerTotalConnection> partners(@Source List<Country> list,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @Name("first") @Description("Partners per country, 0 to 100 (default 10).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after,
            @Name("asOf") @Description(ReleaseRefs.AS_OF_RECORDS) String asOf) {
        Page page = Page.of(nested(first), after, -1);
        List<FlowStore.PartRow<String, PartnerTotalRecord>> rows = flows.partners(Batch.keys(list, Country::code),
                scope(filter, asOf), page.limit(), page.after());
        return pages(list, Country::code, rows, page, (c, r) -> new PartnerTotalEdge(c, PartnerTotal.of(r.item())),
                PartnerTotalConnection::new);
    }

    @Description("The partner country.")
    public List<Country> country(@Source List<PartnerTotal> list) {
        return Batch.one(list, PartnerTotal::partnerCode,
                Country.of(countries.byCodes(Batch.keys(list, PartnerTotal::partnerCode))),
                Country::code);
    }
}
