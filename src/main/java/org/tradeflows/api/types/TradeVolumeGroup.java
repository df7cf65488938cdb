package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.TradeFlow;
import org.tradeflows.model.TradeVolumeGroupRecord;
import org.tradeflows.model.ValueQualifier;

@Description("A group of official trade figures of one reporter, flow and source (always kept apart), summed over the "
        + "other grouping dimensions.")
public record TradeVolumeGroup(
        @NonNull @Description("The direction, from the reporter's side.") TradeFlow flow,
        @NonNull @Description("True for figures of all goods; false for sums of product-level figures. Never mixed.") boolean allGoods,
        @Description("Year, when grouped by YEAR.") Integer year,
        @Description("Quarter as YYYY-Qn, when grouped by QUARTER.") String quarter,
        @Description("Month as YYYY-MM, when grouped by MONTH.") String month,
        @Description("Sum in EUR (each figure at the ECB rate of its period).") BigDecimal valueEur,
        @Description("Sum in USD.") BigDecimal valueUsd,
        @Description("The EUR sum as a figure with its precision, saying whether it was converted and at which rates.") Money value,
        @NonNull @Description("Precision of the sums.") ValueQualifier valueQualifier,
        @NonNull @Description("Number of figures summed.") long figureCount,
        @NonNull @Description("Figures without an EUR value (no exchange rate).") long figuresWithoutEur,
        @Description("Sum of net weights in kilograms.") BigDecimal netWeightKg,
        @Description("Earliest period start.") LocalDate firstDate,
        @Description("Latest period end.") LocalDate lastDate,
        @Description("Share of the filtered total EUR value (0 to 1).") BigDecimal shareOfTotal,
        @Ignore String reporterCode,
        @Ignore String partnerCode,
        @Ignore long sourceId,
        @Ignore String sectionCode,
        @Ignore String hs2Code,
        @Ignore String hs4Code,
        @Ignore String hs6Code) {

    public static TradeVolumeGroup of(TradeVolumeGroupRecord g) {
        return new TradeVolumeGroup(g.flow(), g.allGoods(), g.year(), g.quarter(), g.month(), g.valueEur(), g.valueUsd(),
                Money.eur(g.valueEur(), g.valueQualifier(), g.rateKeys()), g.valueQualifier(), g.figureCount(), g.figuresWithoutEur(),
                g.netWeightKg(), g.firstDate(), g.lastDate(), g.shareOfTotal(), g.reporterCode(), g.partnerCode(),
                g.sourceId(), g.sectionCode(), g.hs2Code(), g.hs4Code(), g.hs6Code());
    }
}
