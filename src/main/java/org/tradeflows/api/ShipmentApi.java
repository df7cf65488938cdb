package org.tradeflows.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Company;
import org.tradeflows.api.types.Country;
import org.tradeflows.api.types.DataRelease;
import org.tradeflows.api.types.ProductCategory;
import org.tradeflows.api.types.Shipment;
import org.tradeflows.api.types.ShipmentConnection;
import org.tradeflows.api.types.ShipmentEdge;
import org.tradeflows.api.types.ShipmentIntermediary;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.input.FlowFilter;
import org.tradeflows.input.FlowFilters;
import org.tradeflows.input.ReleaseRefs;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.model.GlobalId;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.store.CompanyStore;
import org.tradeflows.store.CountryStore;
import org.tradeflows.store.ProductStore;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.ShipmentStore;
import org.tradeflows.store.SourceStore;

/** Single shipments: the records behind every flow, with the same filter as flows. */
@GraphQLApi
public class ShipmentApi {

    private final ShipmentStore shipments;
    private final FlowFilters filters;
    private final CompanyStore companies;
    private final CountryStore countries;
    private final ProductStore products;
    private final SourceStore sources;
    private final ReleaseStore releases;
    private final ReleaseRefs releaseRefs;

    public ShipmentApi(ShipmentStore shipments, FlowFilters filters, CompanyStore companies, CountryStore countries,
            ProductStore products, SourceStore sources, ReleaseStore releases, ReleaseRefs releaseRefs) {
        this.releaseRefs = releaseRefs;
        this.shipments = shipments;
        this.filters = filters;
        this.companies = companies;
        this.countries = countries;
        this.products = products;
        this.sources = sources;
        this.releases = releases;
    }

    @Query("shipments")
    @NonNull
    @Description("Shipments matching the filter, ordered by date then id. Add a flow group's key to the filter to see "
            + "the shipments behind it. With asOf, as they stood at that release (their intermediaries are today's).")
    public ShipmentConnection shipments(
            @Name("filter") @Description("Which shipments; the same filter as flows.") FlowFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after,
            @Name("asOf") @Description(ReleaseRefs.AS_OF_RECORDS) String asOf) {
        ShipmentScope scope = filters.scope(filter, "filter").asOf(releaseRefs.asOf("asOf", asOf));
        Page page = Page.of(first, after, 2);
        LocalDate afterDate = null;
        Long afterId = null;
        if (page.hasAfter()) {
            try {
                afterDate = LocalDate.parse(page.afterKey(0));
            } catch (RuntimeException e) {
                throw new BadUserInputException("after: not a cursor of this connection");
            }
            afterId = Page.parseLongKey(page.afterKey(1), "after");
        }
        List<Shipment> rows = Shipment.of(shipments.page(scope, afterDate, afterId, page.limit()));
        Page.Slice<ShipmentEdge> slice = page.slice(rows, s -> Page.cursor(s.period().start(), s.dbId()), ShipmentEdge::new);
        return new ShipmentConnection(slice.edges(), slice.pageInfo(), scope);
    }

    @NonNull
    @Description("Number of shipments matching the filter over all pages (one count, computed only when asked for).")
    public long totalCount(@Source ShipmentConnection connection) {
        return connection.knownTotal() != null ? connection.knownTotal() : shipments.count(connection.scope());
    }

    @Description("The supplying company, where resolved.")
    public List<Company> supplier(@Source List<Shipment> list) {
        return Batch.oneByEntry(list, Shipment::supplierId,
                Batch.mapped(companies.byIds(Batch.keys(list, Shipment::supplierId)), Company::of));
    }

    @Description("The receiving company, where resolved.")
    public List<Company> recipient(@Source List<Shipment> list) {
        return Batch.oneByEntry(list, Shipment::recipientId,
                Batch.mapped(companies.byIds(Batch.keys(list, Shipment::recipientId)), Company::of));
    }

    @Description("The supplier's country as declared.")
    public List<Country> supplierCountry(@Source List<Shipment> list) {
        return countriesOf(list, Shipment::supplierCountryCode);
    }

    @Description("The recipient's country as declared.")
    public List<Country> recipientCountry(@Source List<Shipment> list) {
        return countriesOf(list, Shipment::recipientCountryCode);
    }

    @Description("Country of origin of the goods, where declared.")
    public List<Country> originCountry(@Source List<Shipment> list) {
        return countriesOf(list, Shipment::originCountryCode);
    }

    @Description("Country of destination of the goods, where declared.")
    public List<Country> destinationCountry(@Source List<Shipment> list) {
        return countriesOf(list, Shipment::destinationCountryCode);
    }

    private List<Country> countriesOf(List<Shipment> list, java.util.function.Function<Shipment, String> code) {
        return Batch.one(list, code, Country.of(countries.byCodes(Batch.keys(list, code))), Country::code);
    }

    @Description("The HS category the declared code rolls up to (its HS6, or the longest known prefix).")
    public List<ProductCategory> product(@Source List<Shipment> list) {
        return Batch.one(list, Shipment::productCode,
                ProductCategory.of(products.byCodes(Batch.keys(list, Shipment::productCode))),
                ProductCategory::code);
    }

    @Description("Parties the goods passed through, in order.")
    public List<List<@NonNull ShipmentIntermediary>> intermediaries(@Source List<Shipment> list) {
        return Batch.manyBy(list, Shipment::dbId,
                ShipmentIntermediary.of(shipments.intermediaries(Batch.keys(list, Shipment::dbId))),
                ShipmentIntermediary::shipmentId);
    }

    @Description("The intermediary company, where known.")
    public List<Company> company(@Source List<ShipmentIntermediary> list) {
        return Batch.oneByEntry(list, ShipmentIntermediary::companyId,
                Batch.mapped(companies.byIds(Batch.keys(list, ShipmentIntermediary::companyId)), Company::of));
    }

    @Description("The intermediary's country: as declared, else the intermediary company's country.")
    public List<Country> country(@Source List<ShipmentIntermediary> list) {
        List<Company> cs = company(list);
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String declared = list.get(i).countryCode();
            codes.add(declared != null ? declared : cs.get(i) == null ? null : cs.get(i).countryCode());
        }
        List<Country> found = Country.of(countries.byCodes(
                codes.stream().filter(java.util.Objects::nonNull).distinct().toList()));
        return codes.stream().map(c -> c == null ? null
                : found.stream().filter(x -> x.code().equals(c)).findFirst().orElse(null)).toList();
    }

    @Name("source")
    @Description("Where the record comes from.")
    public List<SourceType> shipmentSource(@Source List<Shipment> list) {
        return Batch.one(list, Shipment::sourceId, SourceType.of(sources.byIds(Batch.keys(list, Shipment::sourceId))),
                s -> GlobalId.dbId(s.id()));
    }

    @Description("The data release the record was loaded in.")
    public List<DataRelease> release(@Source List<Shipment> list) {
        return Batch.one(list, Shipment::releaseId, releases.byIds(Batch.keys(list, Shipment::releaseId)),
                DataReleaseRecord::id).stream().map(r -> r == null ? null : DataRelease.of(r)).toList();
    }
}
