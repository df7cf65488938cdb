package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("A way to group company-level flows. Grouping by several dimensions gives one row per combination.")
public enum FlowDimension {
    @Description("The supplying company.")
    SUPPLIER,
    @Description("The receiving company.")
    RECIPIENT,
    @Description("The supplier's country as declared.")
    SUPPLIER_COUNTRY,
    @Description("The recipient's country as declared.")
    RECIPIENT_COUNTRY,
    @Description("A country the goods passed through (an intermediary's country). A shipment through several counts in each; shipments with none form the group without a country.")
    INTERMEDIARY_COUNTRY,
    @Description("HS section of the goods.")
    SECTION,
    @Description("HS chapter (2 digits).")
    HS2,
    @Description("HS heading (4 digits); empty for codes declared at 2 digits.")
    HS4,
    @Description("HS subheading (6 digits); empty for codes declared at 2 or 4 digits.")
    HS6,
    @Description("Calendar year of the shipment's (start) date.")
    YEAR,
    @Description("Calendar quarter of the shipment's (start) date.")
    QUARTER,
    @Description("Calendar month of the shipment's (start) date.")
    MONTH,
    @Description("The source of the records.")
    SOURCE,
    @Description("Common High Priority List tier of the HS6 (empty when not listed).")
    CHPL_TIER,
    @Description("Whether the recipient was under a confirmed sanction at the shipment's date (of the authorities in filter.sanctionAuthorities, when given).")
    RECIPIENT_SANCTIONED
}
