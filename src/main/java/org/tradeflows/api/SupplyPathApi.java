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
import org.tradeflows.api.types.Sanction;
import org.tradeflows.api.types.Shipment;
import org.tradeflows.api.types.SupplyHop;
import org.tradeflows.api.types.SupplyPath;
import org.tradeflows.api.types.SupplyPathConnection;
import org.tradeflows.api.types.SupplyPathEdge;
import org.tradeflows.api.types.SupplyPathSearch;
import org.tradeflows.input.InvestigationFilters;
import org.tradeflows.input.SupplyPathFilter;
import org.tradeflows.model.GlobalId;
import org.tradeflows.query.SupplyPathQuery;
import org.tradeflows.query.SupplyPathSql;
import org.tradeflows.store.CompanyStore;
import org.tradeflows.store.SanctionStore;
import org.tradeflows.store.ShipmentStore;
import org.tradeflows.store.SupplyPathStore;

/** Supply paths with the value at every hop: which chain of companies carried the goods, and how much at each step. */
@GraphQLApi
public class SupplyPathApi {

    private final SupplyPathStore paths;
    private final InvestigationFilters filters;
    private final CompanyStore companies;
    private final ShipmentStore shipments;
    private final SanctionStore sanctions;

    public SupplyPathApi(SupplyPathStore paths, InvestigationFilters filters, CompanyStore companies,
            ShipmentStore shipments, SanctionStore sanctions) {
        this.paths = paths;
        this.filters = filters;
        this.companies = companies;
        this.shipments = shipments;
        this.sanctions = sanctions;
    }

    @Query("supplyPaths")
    @NonNull
    @Description("Chains of shipments from one end to the other whose goods could be the same: the same HS code at the "
            + "level asked, each hop 1 to windowDays days after the one before, the recipient of one the supplier of "
            + "the next, no company twice. Ranked by the value carried end to end (the least hop value in EUR), "
            + "largest first. The search is bounded (hops, fan-out per company, partial paths explored, time); "
            + "`search` says whether a bound cut it.")
    public SupplyPathConnection supplyPaths(
            @NonNull @Name("filter") @Description("The two ends, the goods, the period, the hops and the window.") SupplyPathFilter filter,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        SupplyPathQuery q = filters.supplyPaths(filter, "filter");
        Page page = Page.of(first, after, SupplyPathSql.ORDER);
        SupplyPathStore.Answer answer = paths.paths(q, page.after(), page.limit());
        Page.Slice<SupplyPathEdge> slice = page.slice(answer.paths(), r -> Page.cursor(r.key()),
                (cursor, r) -> new SupplyPathEdge(cursor, SupplyPath.of(r.row())));
        return new SupplyPathConnection(slice.edges(), slice.pageInfo(), SupplyPathSearch.of(answer.search()));
    }

    @Description("The supplier of the hop.")
    public List<Company> supplier(@Source List<SupplyHop> list) {
        return Batch.oneByEntry(list, SupplyHop::supplierId,
                Batch.mapped(companies.byIds(Batch.keys(list, SupplyHop::supplierId)), Company::of));
    }

    @Description("The recipient of the hop.")
    public List<Company> recipient(@Source List<SupplyHop> list) {
        return Batch.oneByEntry(list, SupplyHop::recipientId,
                Batch.mapped(companies.byIds(Batch.keys(list, SupplyHop::recipientId)), Company::of));
    }

    @NonNull
    @Description("The shipments of the hop, by id.")
    public List<List<@NonNull Shipment>> shipments(@Source List<SupplyHop> list) {
        List<Shipment> all = Shipment.of(shipments.byIds(list.stream().flatMap(h -> h.shipmentIds().stream()).distinct().toList()));
        return list.stream().map(h -> Batch.one(h.shipmentIds(), id -> id, all, Shipment::dbId)).toList();
    }

    @NonNull
    @Description("The supplier's listings in force at the hop's date (the rule of sanctionsExposure).")
    public List<List<@NonNull Sanction>> supplierSanctions(@Source List<SupplyHop> list) {
        return listings(list, SupplyHop::supplierSanctionIds);
    }

    @NonNull
    @Description("The recipient's listings in force at the hop's date: was it sanctioned on the day it received?")
    public List<List<@NonNull Sanction>> recipientSanctions(@Source List<SupplyHop> list) {
        return listings(list, SupplyHop::recipientSanctionIds);
    }

    private List<List<Sanction>> listings(List<SupplyHop> list, Function<SupplyHop, List<Long>> ids) {
        List<Long> wanted = list.stream().flatMap(h -> ids.apply(h).stream()).distinct().toList();
        List<Sanction> all = wanted.isEmpty() ? List.of() : Sanction.of(sanctions.byIds(wanted));
        return list.stream().map(h -> Batch.one(ids.apply(h), id -> id, all, s -> GlobalId.dbId(s.id())))
                .toList();
    }
}
