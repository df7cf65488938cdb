package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.FlowMeasuresRecord;
import org.tradeflows.model.ValueQualifier;

@Description("Measures of a set of company-level flows (shipments), summed by PostgreSQL.")
public record FlowMeasures(
        @Description("Sum of values in EUR (each shipment converted at the ECB rate of its month, else its year). "
                + "Shipments without a known rate are left out and counted in shipmentsWithoutEur.") BigDecimal valueEur,
        @Description("Sum of values in USD, converted the same way.") BigDecimal valueUsd,
        @Description("The EUR sum as a figure with its precision, e.g. 'at least EUR 4.2 million'.") Money value,
        @NonNull @Description("Precision of the sums: MORE_THAN or AT_LEAST when any shipment's value is a lower bound, "
                + "else ESTIMATED or APPROXIMATE when any is, else EXACT.") ValueQualifier valueQualifier,
        @NonNull @Description("Number of shipments.") long shipmentCount,
        @NonNull @Description("Shipments whose value could not be converted to EUR (no exchange rate for their period).") long shipmentsWithoutEur,
        @Description("Sum of net weights in kilograms (shipments without a weight add nothing).") BigDecimal netWeightKg,
        @Description("Number of distinct suppliers (counted from the shipments whenever asked for).") Long distinctSuppliers,
        @Description("Number of distinct recipients (counted from the shipments whenever asked for).") Long distinctRecipients,
        @Description("Earliest shipment date.") LocalDate firstDate,
        @Description("Latest shipment date (end of the last period).") LocalDate lastDate,
        @Description("Share of the EUR value in the filtered total of all groups (0 to 1); with INTERMEDIARY_COUNTRY a "
                + "shipment counts in each of its countries, so shares may add up to more than 1.") BigDecimal shareOfTotal) {

    public static FlowMeasures of(FlowMeasuresRecord m) {
        return new FlowMeasures(m.valueEur(), m.valueUsd(), Money.eur(m.valueEur(), m.valueQualifier()), m.valueQualifier(),
                m.shipmentCount(), m.shipmentsWithoutEur(), m.netWeightKg(), m.distinctSuppliers(), m.distinctRecipients(),
                m.firstDate(), m.lastDate(), m.shareOfTotal());
    }
}
