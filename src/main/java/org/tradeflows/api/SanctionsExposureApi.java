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
import org.tradeflows.api.types.ExposureListing;
import org.tradeflows.api.types.ExposureListingConnection;
import org.tradeflows.api.types.ExposureListingEdge;
import org.tradeflows.api.types.ExposureYear;
import org.tradeflows.api.types.ExposureYearConnection;
import org.tradeflows.api.types.ExposureYearEdge;
import org.tradeflows.api.types.SanctionsExposure;
import org.tradeflows.api.types.SupplierExposure;
import org.tradeflows.api.types.SupplierExposureConnection;
import org.tradeflows.api.types.SupplierExposureEdge;
import org.tradeflows.input.FlowFilter;
import org.tradeflows.input.FlowFilters;
import org.tradeflows.query.SanctionsExposureSql;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.store.CompanyStore;
import org.tradeflows.store.KeyedRow;
import org.tradeflows.store.SanctionsExposureStore;

/**
 * Sanctions exposure: "who kept supplying after the listing" as one query, and suppliers ranked by it as another. The
 * shipments are chosen by the same FlowFilter as flows; its sanctionAuthorities choose which listings count.
 */
@GraphQLApi
public class SanctionsExposureApi {

    private final SanctionsExposureStore exposure;
    private final FlowFilters filters;
    private final CompanyStore companies;

    public SanctionsExposureApi(SanctionsExposureStore exposure, FlowFilters filters, CompanyStore companies) {
        this.exposure = exposure;
        this.filters = filters;
        this.companies = companies;
    }

    @Query("sanctionsExposure")
    @NonNull
    @Description("What the filter's shipments (e.g. suppliers: [a company], or supplierCountries: [a country]) sent to "
            + "recipients while they were under a confirmed sanction in force at the shipment's date, by authority and "
            + "year and by listing, and its share of everything they sent. The filter's sanctionAuthorities choose which "
            + "listings count (default all).")
    public SanctionsExposure sanctionsExposure(
            @Name("filter") @Description("Which shipments; the same filter as flows.") FlowFilter filter) {
        ShipmentScope scope = filters.scope(filter, "filter");
        return SanctionsExposure.of(exposure.totals(scope), scope);
    }

    @Query("sanctionsExposureRanking")
    @NonNull
    @Description("Suppliers of the filter's shipments ranked by the EUR value they sent to recipients under a sanction "
            + "in force at the shipment's date, largest first; suppliers with none are left out, as are shipments "
            + "without a resolved supplier.")
    public SupplierExposureConnection sanctionsExposureRanking(
            @Name("filter") @Description("Which shipments; the same filter as flows.") FlowFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        ShipmentScope scope = filters.scope(filter, "filter");
        Page page = Page.of(first, after, SanctionsExposureSql.SUPPLIER_ORDER);
        var slice = slice(page, exposure.suppliers(scope, page.after(), page.limit()), SupplierExposure::of,
                SupplierExposureEdge::new);
        return new SupplierExposureConnection(slice.edges(), slice.pageInfo());
    }

    @NonNull
    @Description("Exposure per sanctioning authority and calendar year, by authority then year.")
    public ExposureYearConnection byAuthorityYear(@Source SanctionsExposure parent,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        Page page = Page.of(first, after, SanctionsExposureSql.YEAR_ORDER);
        var slice = slice(page, exposure.byAuthorityYear(parent.scope(), page.after(), page.limit()), ExposureYear::of,
                ExposureYearEdge::new);
        return new ExposureYearConnection(slice.edges(), slice.pageInfo());
    }

    @NonNull
    @Description("Each listing the shipments met while it was in force, largest value first: the first and the last "
            + "shipment to the listed recipient while in force.")
    public ExposureListingConnection listings(@Source SanctionsExposure parent,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        Page page = Page.of(first, after, SanctionsExposureSql.LISTING_ORDER);
        var slice = slice(page, exposure.listings(parent.scope(), page.after(), page.limit()), ExposureListing::of,
                ExposureListingEdge::new);
        return new ExposureListingConnection(slice.edges(), slice.pageInfo());
    }

    @Description("The listed recipient.")
    public List<Company> recipient(@Source List<ExposureListing> list) {
        return Batch.oneByEntry(list, ExposureListing::recipientId,
                Batch.mapped(companies.byIds(Batch.keys(list, ExposureListing::recipientId)), Company::of));
    }

    @Description("The supplier.")
    public List<Company> supplier(@Source List<SupplierExposure> list) {
        return Batch.oneByEntry(list, SupplierExposure::supplierId,
                Batch.mapped(companies.byIds(Batch.keys(list, SupplierExposure::supplierId)), Company::of));
    }

    private static <R, T, E> Page.Slice<E> slice(Page page, List<KeyedRow<R>> rows, Function<R, T> type,
            java.util.function.BiFunction<String, T, E> edge) {
        return page.slice(rows, r -> Page.cursor(r.key()), (cursor, r) -> edge.apply(cursor, type.apply(r.row())));
    }
}
