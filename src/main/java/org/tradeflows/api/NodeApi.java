package org.tradeflows.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.tradeflows.api.types.Company;
import org.tradeflows.api.types.Country;
import org.tradeflows.api.types.DataRelease;
import org.tradeflows.api.types.Finding;
import org.tradeflows.api.types.Node;
import org.tradeflows.api.types.ProductCategory;
import org.tradeflows.api.types.Sanction;
import org.tradeflows.api.types.Shipment;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.api.types.Topic;
import org.tradeflows.api.types.TradeVolume;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.Printable;
import org.tradeflows.store.CompanyStore;
import org.tradeflows.store.CountryStore;
import org.tradeflows.store.FindingStore;
import org.tradeflows.store.ProductStore;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SanctionStore;
import org.tradeflows.store.ShipmentStore;
import org.tradeflows.store.SourceStore;
import org.tradeflows.store.TradeVolumeStore;

/** Relay's node(id:): any object by its global id. */
@GraphQLApi
public class NodeApi {

    private final CountryStore countries;
    private final ProductStore products;
    private final CompanyStore companies;
    private final SanctionStore sanctions;
    private final SourceStore sources;
    private final FindingStore findings;
    private final TradeVolumeStore volumes;
    private final ReleaseStore releases;
    private final ShipmentStore shipments;

    public NodeApi(CountryStore countries, ProductStore products, CompanyStore companies, SanctionStore sanctions,
            SourceStore sources, FindingStore findings, TradeVolumeStore volumes, ReleaseStore releases, ShipmentStore shipments) {
        this.countries = countries;
        this.products = products;
        this.companies = companies;
        this.sanctions = sanctions;
        this.sources = sources;
        this.findings = findings;
        this.volumes = volumes;
        this.releases = releases;
        this.shipments = shipments;
    }

    @Query("node")
    @Description("Any object by its global id. Fails with NOT_FOUND when the id names nothing, BAD_USER_INPUT when it "
            + "is not an id of this API.")
    public Node node(@NonNull @Id @Name("id") @Description("A global id returned in an `id` field.") String id) {
        GlobalId g = GlobalId.parse(id);
        return find(g).orElseThrow(() -> new NotFoundException("id: could not resolve to a node with the global id of '"
                + Printable.of(id) + "'"));
    }

    private Optional<? extends Node> find(GlobalId g) {
        return switch (g.type()) {
            case "Country" -> Country.of(countries.byCodes(List.of(g.key()))).stream().findFirst();
            case "ProductCategory" -> ProductCategory.of(products.byCodes(List.of(g.key()))).stream().findFirst();
            case "Topic" -> number(g).flatMap(n -> Topic.of(products.topicsByIds(List.of(n))).stream().findFirst());
            case "Company" -> number(g).filter(n -> companies.syntheticAmong(List.of(n)).isEmpty())
                    .flatMap(n -> Batch.mapped(companies.byIds(List.of(n)),
                    Company::of).stream().findFirst().map(Map.Entry::getValue));
            case "Sanction" -> number(g).filter(n -> sanctions.syntheticAmong(List.of(n)).isEmpty())
                    .flatMap(n -> Sanction.of(sanctions.byIds(List.of(n))).stream().findFirst());
            case "Source" -> number(g).flatMap(n -> SourceType.of(sources.byIds(List.of(n))).stream().findFirst());
            case "Finding" -> number(g).flatMap(n -> Finding.of(findings.byIds(List.of(n))).stream().findFirst());
            case "TradeVolume" -> number(g).flatMap(n -> TradeVolume.of(volumes.byIds(List.of(n)))
                    .stream().findFirst());
            case "DataRelease" -> number(g).flatMap(n -> releases.byIds(List.of(n)).stream().findFirst().map(DataRelease::of));
            case "Shipment" -> number(g).flatMap(n -> Shipment.of(shipments.byIds(List.of(n))).stream().findFirst());
            default -> Optional.empty();
        };
    }

    private static Optional<Long> number(GlobalId g) {
        try {
            return Optional.of(Long.parseLong(g.key()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
