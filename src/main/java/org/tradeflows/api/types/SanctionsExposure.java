package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.SanctionsExposureRecord;
import org.tradeflows.query.ShipmentScope;

@Description("What the shipments of a filter (a company's, a country's suppliers', ...) sent to recipients while "
        + "they were under a confirmed sanction in force at the shipment's date, beside everything they sent. Sums are in "
        + "EUR over the shipments that have a EUR value; a shipment to a recipient listed by several authorities counts "
        + "once here and once under each authority in `byAuthorityYear`.")
public record SanctionsExposure(
        @Description("EUR value of every shipment of the filter; empty when none has a EUR value.") BigDecimal valueEur,
        @NonNull @Description("Number of shipments of the filter.") long shipmentCount,
        @NonNull @Description("Shipments of the filter without a EUR value (left out of every sum).") long shipmentsWithoutEur,
        @Description("EUR value shipped to recipients under a sanction in force at the shipment's date; empty when none.") BigDecimal exposedValueEur,
        @NonNull @Description("Number of shipments to recipients under a sanction in force at the shipment's date.") long exposedShipmentCount,
        @NonNull @Description("Of those, shipments without a EUR value.") long exposedShipmentsWithoutEur,
        @Description("Date of the first shipment to a recipient under a sanction in force.") LocalDate firstExposedDate,
        @Description("Date of the last shipment to a recipient under a sanction in force.") LocalDate lastExposedDate,
        @Description("exposedValueEur / valueEur, rounded to 6 decimals; empty when valueEur is empty or 0.") BigDecimal share,
        @Ignore ShipmentScope scope) {

    public static SanctionsExposure of(SanctionsExposureRecord r, ShipmentScope scope) {
        return new SanctionsExposure(r.valueEur(), r.shipments(), r.shipmentsWithoutEur(), r.exposedValueEur(),
                r.exposedShipments(), r.exposedWithoutEur(), r.firstDate(), r.lastDate(), r.share(), scope);
    }
}
