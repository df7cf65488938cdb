package org.tradeflows.api.types;

import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.UnitValueOutlierRecord;

@Description("A shipment whose unit value lies far from those of its peers (the shipments of the same HS6, calendar "
        + "year and unit): how far, as a modified z-score, and against what.")
public record UnitValueOutlier(
        @NonNull @Description("The HS6 of the shipment and its peers.") String hs6,
        @NonNull @Description("The calendar year of the shipment and its peers.") int year,
        @NonNull @Description("The unit the value is per: kg, or the declared quantity unit.") String unit,
        @NonNull @Description("The shipment's EUR value per unit, 4 decimals.") BigDecimal unitValueEur,
        @NonNull @Description("Median unit value of the peers, 4 decimals.") BigDecimal medianEur,
        @NonNull @Description("Median absolute deviation of the peers' unit values from their median, 4 decimals.") BigDecimal madEur,
        @NonNull @Description("Number of peers (the shipment included).") long peerCount,
        @NonNull @Description("0.6745 × (unit value − median) ÷ MAD, 4 decimals; an outlier lies beyond the threshold either way.") BigDecimal modifiedZ,
        @Ignore long shipmentId) {

    public static UnitValueOutlier of(UnitValueOutlierRecord r) {
        return new UnitValueOutlier(r.hs6(), r.year(), r.unit(), r.unitValue(), r.median(), r.mad(), r.peers(),
                r.modifiedZ(), r.shipmentId());
    }
}
