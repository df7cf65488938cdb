package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.PartnerTotalRecord;
import org.tradeflows.model.TradeFlow;

@Description("A partner country of a country's company-level flows, with totals per direction.")
public record PartnerTotal(
        @NonNull @Description("EXPORT: goods from the country to the partner; IMPORT: goods from the partner to the country.") TradeFlow direction,
        @NonNull @Description("Totals of the documented company-level flows in that direction.") FlowMeasures totals,
        @Ignore String partnerCode) {

    public static PartnerTotal of(PartnerTotalRecord r) {
        return new PartnerTotal(r.direction(), FlowMeasures.of(r.totals()), r.partnerCode());
    }
}
