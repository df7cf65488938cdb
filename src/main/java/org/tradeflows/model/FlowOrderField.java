package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What flows can be ordered by: a measure or a grouping dimension.")
public enum FlowOrderField {
    @Description("Sum of values in EUR.")
    VALUE_EUR,
    @Description("Sum of values in USD.")
    VALUE_USD,
    @Description("Number of shipments.")
    SHIPMENT_COUNT,
    @Description("Sum of net weights.")
    NET_WEIGHT,
    @Description("Number of distinct suppliers.")
    DISTINCT_SUPPLIERS,
    @Description("Number of distinct recipients.")
    DISTINCT_RECIPIENTS,
    @Description("Earliest date.")
    FIRST_DATE,
    @Description("Latest date.")
    LAST_DATE,
    @Description("Share of the filtered total value in EUR.")
    SHARE,
    @Description("Supplier (by id).")
    SUPPLIER,
    @Description("Recipient (by id).")
    RECIPIENT,
    @Description("Supplier country code.")
    SUPPLIER_COUNTRY,
    @Description("Recipient country code.")
    RECIPIENT_COUNTRY,
    @Description("Intermediary country code.")
    INTERMEDIARY_COUNTRY,
    @Description("HS section.")
    SECTION,
    @Description("HS chapter code.")
    HS2,
    @Description("HS heading code.")
    HS4,
    @Description("HS subheading code.")
    HS6,
    @Description("Year.")
    YEAR,
    @Description("Quarter.")
    QUARTER,
    @Description("Month.")
    MONTH,
    @Description("Source (by id).")
    SOURCE,
    @Description("CHPL tier.")
    CHPL_TIER,
    @Description("Sanctioned recipient (false before true).")
    RECIPIENT_SANCTIONED
}
