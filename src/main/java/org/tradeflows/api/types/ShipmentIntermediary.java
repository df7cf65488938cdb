package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.ShipmentIntermediaryRecord;

@Description("A party the goods passed through on the way, in order.")
public record ShipmentIntermediary(
        @NonNull @Description("Position on the way, from 1 (closest to the supplier).") int position,
        @Ignore long shipmentId,
        @Ignore Long companyId,
        @Ignore String countryCode) {

    public static List<ShipmentIntermediary> of(List<ShipmentIntermediaryRecord> rows) {
        return rows.stream().map(r -> new ShipmentIntermediary(r.position(), r.shipmentId(), r.companyId(),
                r.countryCode()))
                .toList();
    }
}
