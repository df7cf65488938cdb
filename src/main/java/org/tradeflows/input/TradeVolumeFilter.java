package org.tradeflows.input;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.TradeFlow;
import org.tradeflows.query.TradeVolumeCriteria;

@Input("TradeVolumeFilter")
@Description("Filter for official trade figures; all given conditions must hold.")
public record TradeVolumeFilter(
        @Description("Reporter countries (each an " + CountryCodes.ACCEPTED + ").") List<String> reporters,
        @Description("Partner countries (each an " + CountryCodes.ACCEPTED + ").") List<String> partners,
        @Description("Directions.") List<TradeFlow> flows,
        @Description("First year (inclusive).") Integer yearFrom,
        @Description("Last year (inclusive).") Integer yearTo,
        @Description("HS code prefix; figures for all goods have no code and are matched by `allGoods`.") String productCode,
        @Description("True: only figures for all goods; false: only product-level figures.") Boolean allGoods,
        @Description("Only figures from the source with this key.") String source) implements TradeVolumeCriteria {
}
