package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.SupplyHopRecord;
import org.tradeflows.model.ValueQualifier;

@Description("One hop of a supply path: every shipment from one company to the next on one date in the path's HS code.")
public record SupplyHop(
        @NonNull @Description("1 for the first hop of the path.") int position,
        @NonNull @Description("The date of the hop's shipments.") LocalDate date,
        @NonNull @Description("The HS code the path's hops share, at the level asked.") String hsCode,
        @NonNull @Description("The country the shipments declare as the recipient's (ISO 3166-1 alpha-2).") String recipientCountry,
        @Description("Sum of the shipments' EUR values; empty when none has one.") BigDecimal valueEur,
        @NonNull @Description("Precision of valueEur: AT_LEAST when a shipment has no EUR value or is itself a lower bound.")
        ValueQualifier valuePrecision,
        @NonNull @Description("Number of shipments in the hop.") long shipmentCount,
        @NonNull @Description("Shipments of the hop without a EUR value.") long shipmentsWithoutEur,
        @Ignore long supplierId,
        @Ignore long recipientId,
        @Ignore List<Long> shipmentIds,
        @Ignore List<Long> supplierSanctionIds,
        @Ignore List<Long> recipientSanctionIds) {

    public static SupplyHop of(SupplyHopRecord r) {
        return new SupplyHop(r.position(), r.date(), r.hsCode(), r.recipientCountry(), r.valueEur(), r.valueQualifier(),
                r.shipmentCount(), r.shipmentsWithoutEur(), r.supplierId(), r.recipientId(), r.shipmentIds(),
                r.supplierSanctionIds(), r.recipientSanctionIds());
    }
}
