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
import org.tradeflows.api.types.Country;
import org.tradeflows.api.types.FlowGroup;
import org.tradeflows.api.types.FlowMeasures;
import org.tradeflows.api.types.PartnerTotal;
import org.tradeflows.api.types.ProductCategory;
import org.tradeflows.api.types.ProductTotal;
import org.tradeflows.api.types.Shipment;
import org.tradeflows.input.Filters;
import org.tradeflows.input.FlowFilter;
import org.tradeflows.input.FlowFilters;
import org.tradeflows.model.BadUserInputException;
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

    public FlowNavigationApi(FlowStore flows, ShipmentStore shipments, FlowFilters filters, CompanyStore companies,
            CountryStore countries, ProductStore products, io.smallrye.graphql.api.Context context) {
        this.context = context;
        this.flows = flows;
        this.shipments = shipments;
        this.filters = filters;
        this.companies = companies;
        this.countries = countries;
        this.products = products;
    }

    static int nested(Integer first) {
        int n = first == null ? DEFAULT_NESTED : first;
        if (n < 0 || n > MAX_NESTED) {
            throw new BadUserInputException("first: must be between 0 and " + MAX_NESTED + ", got " + n);
        }
        return n;
    }

    private <K> List<List<FlowGroup>> partitioned(List<K> keys, FlowQuery.PartitionKind kind, List<FlowDimension> groupBy,
            FlowFilter filter, Integer first, List<?> parents, java.util.function.Function<Object, K> keyOf) {
        List<FlowDimension> dims = Filters.dimensions(groupBy);
        ShipmentScope scope = filters.scope(filter, "filter");
        FlowQuery q = new FlowQuery(dims, scope, FlowApi.orders(null, dims), nested(first), null,
                new FlowQuery.Partition(kind, keys), SelectedFields.asks(context, SelectedFields.DISTINCT_FIELDS));
        Map<Object, List<FlowGroup>> byParent = new HashMap<>();
        for (FlowStore.Row row : flows.groups(q)) {
            byParent.computeIfAbsent(row.partitionKey(), k -> new ArrayList<>()).add(FlowGroup.of(row.group()));
        }
        return parents.stream().map(p -> byParent.getOrDefault(keyOf.apply(p), List.of())).toList();
    }

    @Name("flows")
    @Description("The company's flows (as supplier or recipient) grouped by the given dimensions, largest first.")
    public List<List<@NonNull FlowGroup>> companyFlows(@Source List<Company> list,
            @io.smallrye.graphql.api.Nullable @Name("groupBy") @Description("Dimensions to group by; none for the company's total.") List<@NonNull FlowDimension> groupBy,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @Name("first") @Description("Groups per company, 0 to 100 (default 10).") Integer first) {
        return partitioned(Batch.keys(list, Company::dbId), FlowQuery.PartitionKind.COMPANY, groupBy, filter, first, list,
                c -> ((Company) c).dbId());
    }

    @Description("Companies on the other side of the company's flows, with totals per direction, largest first.")
    public List<List<@NonNull Counterparty>> counterparties(@Source List<Company> list,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @Name("first") @Description("Counterparties per company, 0 to 100 (default 10).") Integer first) {
        return Batch.many(list, Company::dbId, flows.counterparties(Batch.keys(list, Company::dbId),
                filters.scope(filter, "filter"), nested(first)).stream()
                .map(e -> Map.entry(e.getKey(), Counterparty.of(e.getValue()))).toList());
    }

    @Description("The company on the other side.")
    public List<Company> company(@Source List<Counterparty> list) {
        return Batch.oneByEntry(list, Counterparty::companyId, companies.byIds(Batch.keys(list, Counterparty::companyId)));
    }

    @Name("shipments")
    @Description("The company's first shipments (as supplier or recipient) by date; page with the top-level `shipments` "
            + "query and filter.suppliers / filter.recipients for more.")
    public List<List<@NonNull Shipment>> companyShipments(@Source List<Company> list,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @Name("first") @Description("Shipments per company, 0 to 100 (default 10).") Integer first) {
        return Batch.many(list, Company::dbId, shipments.firstOfCompanies(Batch.keys(list, Company::dbId),
                filters.scope(filter, "filter"), nested(first)));
    }

    @Name("flows")
    @Description("Flows of goods under this category grouped by the given dimensions, largest first.")
    public List<List<@NonNull FlowGroup>> productFlows(@Source List<ProductCategory> list,
            @io.smallrye.graphql.api.Nullable @Name("groupBy") @Description("Dimensions to group by; none for the category's total.") List<@NonNull FlowDimension> groupBy,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @Name("first") @Description("Groups per category, 0 to 100 (default 10).") Integer first) {
        return partitioned(Batch.keys(list, ProductCategory::code), FlowQuery.PartitionKind.PRODUCT, groupBy, filter, first,
                list, c -> ((ProductCategory) c).code());
    }

    @Description("The categories one level down with the totals of the flows under each, largest first (only children "
            + "with flows are listed). One statement per level of the categories asked about.")
    public List<List<@NonNull ProductTotal>> childTotals(@Source List<ProductCategory> list,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter) {
        ShipmentScope scope = filters.scope(filter, "filter");
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
            products.byCodes(childCodes).forEach(p -> categories.put(p.code(), p));
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
            + "largest first.")
    public List<List<@NonNull PartnerTotal>> partners(@Source List<Country> list,
            @Name("filter") @Description("Which shipments to include.") FlowFilter filter,
            @Name("first") @Description("Partners per country, 0 to 100 (default 10).") Integer first) {
        return Batch.many(list, Country::code, flows.partners(Batch.keys(list, Country::code),
                filters.scope(filter, "filter"), nested(first)).stream()
                .map(e -> Map.entry(e.getKey(), PartnerTotal.of(e.getValue()))).toList());
    }

    @Description("The partner country.")
    public List<Country> country(@Source List<PartnerTotal> list) {
        return Batch.one(list, PartnerTotal::partnerCode, countries.byCodes(Batch.keys(list, PartnerTotal::partnerCode)),
                Country::code);
    }
}
