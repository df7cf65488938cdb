package org.tradeflows.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Shipment;
import org.tradeflows.api.types.UnitValueOutlier;
import org.tradeflows.api.types.UnitValueOutlierConnection;
import org.tradeflows.api.types.UnitValueOutlierEdge;
import org.tradeflows.input.FlowFilter;
import org.tradeflows.input.FlowFilters;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.UnitValueBasis;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.query.UnitValueOutlierSql;
import org.tradeflows.store.ShipmentStore;
import org.tradeflows.store.UnitValueStore;

/** Unit-value outliers: declared prices that make no sense next to those of the same goods in the same year. */
@GraphQLApi
public class UnitValueApi {

    private final UnitValueStore unitValues;
    private final FlowFilters filters;
    private final ShipmentStore shipments;

    public UnitValueApi(UnitValueStore unitValues, FlowFilters filters, ShipmentStore shipments) {
        this.unitValues = unitValues;
        this.filters = filters;
        this.shipments = shipments;
    }

    @Query("unitValueOutliers")
    @NonNull
    @Description("Shipments of the filter whose unit value (EUR per kg, or per unit) lies far from the median of the "
            + "shipments of the same HS6 and calendar year: modified z = 0.6745 × (x − median) ÷ MAD beyond the "
            + "threshold (default 3.5), farthest first. Shipments without a weight or quantity above 0 are left out.")
    public UnitValueOutlierConnection unitValueOutliers(
            @Name("filter") @Description("Which shipments are candidates; the same filter as flows.") FlowFilter filter,
            @Name("basis") @Description("EUR per kg (default) or per declared unit.") UnitValueBasis basis,
            @Name("threshold") @Description("Least |modified z| of an outlier, above 0 (default 3.5).") BigDecimal threshold,
            @Name("first") @Description("Page size, 0 to 100 (default 20).") Integer first,
            @Name("after") @Description("Cursor after which the page starts.") String after) {
        ShipmentScope scope = filters.scope(filter, "filter");
        BigDecimal t = threshold == null ? UnitValueOutlierSql.THRESHOLD : threshold;
        if (t.signum() <= 0 || t.compareTo(new BigDecimal("1000000")) > 0) {
            throw new BadUserInputException("threshold: must be above 0 and at most 1000000, got " + t.toPlainString());
        }
        Page page = Page.of(first, after, UnitValueOutlierSql.ORDER);
        Page.Slice<UnitValueOutlierEdge> slice = page.slice(
                unitValues.outliers(scope, basis == null ? UnitValueBasis.PER_KG : basis, t, page.after(), page.limit()),
                r -> Page.cursor(r.key()), (cursor, r) -> new UnitValueOutlierEdge(cursor, UnitValueOutlier.of(r.row())));
        return new UnitValueOutlierConnection(slice.edges(), slice.pageInfo());
    }

    @Description("The shipment.")
    public List<Shipment> shipment(@Source List<UnitValueOutlier> list) {
        return Batch.one(list, UnitValueOutlier::shipmentId, Shipment.of(shipments.byIds(Batch.keys(list, UnitValueOutlier::shipmentId))),
                Shipment::dbId);
    }
}
