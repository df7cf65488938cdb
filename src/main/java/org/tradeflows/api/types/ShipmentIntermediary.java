package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A party the goods passed through on the way, in order.")
public record ShipmentIntermediary(
        @NonNull @Description("Position on the way, from 1 (closest to the supplier).") int position,
        @Ignore long shipmentId,
        @Ignore Long companyId,
        @Ignore String countryCode) {
}
