package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.SupplierExposureRecord;

@Description("A supplier's shipments to recipients under a sanction in force at the shipment's date, beside everything "
        + "it shipped under the same filter.")
public record SupplierExposure(
        @Description("EUR value shipped to recipients under a sanction in force.") BigDecimal exposedValueEur,
        @NonNull @Description("Number of such shipments.") long exposedShipmentCount,
        @NonNull @Description("Date of the first such shipment.") LocalDate firstExposedDate,
        @NonNull @Description("Date of the last such shipment.") LocalDate lastExposedDate,
        @Description("EUR value of everything the supplier shipped under the filter.") BigDecimal valueEur,
        @NonNull @Description("Number of shipments of the supplier under the filter.") long shipmentCount,
        @Description("exposedValueEur / valueEur, rounded to 6 decimals.") BigDecimal share,
        @Ignore long supplierId) {

    public static SupplierExposure of(SupplierExposureRecord r) {
        return new SupplierExposure(r.exposedValueEur(), r.exposedShipments(), r.firstDate(), r.lastDate(), r.valueEur(),
                r.shipments(), r.share(), r.supplierId());
    }
}
