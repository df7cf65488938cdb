package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.ChplTier;
import org.tradeflows.model.FlowGroupRecord;
import org.tradeflows.model.FlowMeasuresRecord;
import org.tradeflows.model.ValueQualifier;

@Description("One group of company-level flows: its key (the dimensions grouped by; the others are empty) and its "
        + "measures. Without grouping there is one group: the grand total of the filter.")
public record FlowGroup(
        @Description("Year, when grouped by YEAR.") Integer year,
        @Description("Quarter as YYYY-Qn, when grouped by QUARTER.") String quarter,
        @Description("Month as YYYY-MM, when grouped by MONTH.") String month,
        @Description("CHPL tier, when grouped by CHPL_TIER (empty: not on the list).") ChplTier chplTier,
        @Description("Whether the recipient was sanctioned at the shipment date, when grouped by RECIPIENT_SANCTIONED.") Boolean recipientSanctioned,
        @Description("Sum of values in EUR; see FlowMeasures.valueEur.") BigDecimal valueEur,
        @Description("Sum of values in USD.") BigDecimal valueUsd,
        @Description("The EUR sum as a figure with its precision.") Money value,
        @NonNull @Description("Precision of the sums.") ValueQualifier valueQualifier,
        @NonNull @Description("Number of shipments.") long shipmentCount,
        @NonNull @Description("Shipments without an EUR value (no exchange rate).") long shipmentsWithoutEur,
        @Description("Sum of net weights in kilograms.") BigDecimal netWeightKg,
        @Description("Number of distinct suppliers (counted from the shipments whenever asked for).") Long distinctSuppliers,
        @Description("Number of distinct recipients (counted from the shipments whenever asked for).") Long distinctRecipients,
        @Description("Earliest shipment date.") LocalDate firstDate,
        @Description("Latest shipment date.") LocalDate lastDate,
        @Description("Share of the filtered total EUR value (0 to 1).") BigDecimal shareOfTotal,
        @Ignore Long supplierId,
        @Ignore Long recipientId,
        @Ignore String supplierCountryCode,
        @Ignore String recipientCountryCode,
        @Ignore String intermediaryCountryCode,
        @Ignore String sectionCode,
        @Ignore String hs2Code,
        @Ignore String hs4Code,
        @Ignore String hs6Code,
        @Ignore Long sourceId) {

    public static FlowGroup of(FlowGroupRecord g) {
        FlowMeasuresRecord m = g.measures();
        return new FlowGroup(g.year(), g.quarter(), g.month(), g.chplTier(), g.recipientSanctioned(), m.valueEur(),
                m.valueUsd(), Money.eur(m.valueEur(), m.valueQualifier()), m.valueQualifier(), m.shipmentCount(),
                m.shipmentsWithoutEur(), m.netWeightKg(), m.distinctSuppliers(), m.distinctRecipients(), m.firstDate(),
                m.lastDate(), m.shareOfTotal(), g.supplierId(), g.recipientId(), g.supplierCountryCode(),
                g.recipientCountryCode(), g.intermediaryCountryCode(), g.sectionCode(), g.hs2Code(), g.hs4Code(),
                g.hs6Code(), g.sourceId());
    }
}
