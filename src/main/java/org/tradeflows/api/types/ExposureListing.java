package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.ExposureListingRecord;
import org.tradeflows.model.SanctionAuthority;

@Description("A listing that the filter's shipments met while it was in force: who was listed, by whom and when, and "
        + "the first and last shipment to the listed recipient while the listing was in force.")
public record ExposureListing(
        @NonNull @Description("The sanctioning authority.") SanctionAuthority authority,
        @Description("The sanctions programme, as the list names it.") String program,
        @Description("Day the listing took effect; a listing without one never covers a past shipment.") LocalDate listedOn,
        @Description("First day the listing no longer applied; empty while in force.") LocalDate endedOn,
        @NonNull @Description("Date of the first shipment to the recipient while the listing was in force.") LocalDate firstShipmentDate,
        @NonNull @Description("Date of the last shipment to the recipient while the listing was in force.") LocalDate lastShipmentDate,
        @Description("Days from the listing to that first shipment.") Integer daysAfterListing,
        @Description("EUR value of the shipments to the recipient while the listing was in force.") BigDecimal valueEur,
        @NonNull @Description("Number of those shipments.") long shipmentCount,
        @NonNull @Description("Of those, shipments without a EUR value.") long shipmentsWithoutEur,
        @Ignore long recipientId,
        @Ignore long sanctionId) {

    public static ExposureListing of(ExposureListingRecord r) {
        return new ExposureListing(r.authority(), r.program(), r.listedOn(), r.endedOn(), r.firstDate(), r.lastDate(),
                r.daysAfterListing(), r.valueEur(), r.shipments(), r.shipmentsWithoutEur(), r.recipientId(), r.sanctionId());
    }
}
