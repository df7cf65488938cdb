package org.tradeflows.api.types;

import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An official total compared with the documented company-level flows.")
public record OfficialTotal(
        @NonNull @Description("The official figures summed (one reporter, flow and source).") TradeVolumeGroup figures,
        @Description("Documented EUR value divided by this official EUR value (0.02 = 2% of the trade is named); empty "
                + "when either side has no EUR value.") BigDecimal documentedShare) {
}
