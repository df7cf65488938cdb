package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("A way to group official trade figures. Groups always keep reporter, flow, source and all-goods apart, whether asked or not: mirror figures, directions, sources and totals are never added together.")
public enum TradeVolumeDimension {
    @Description("The partner country.")
    PARTNER,
    @Description("HS section (product-level figures only).")
    SECTION,
    @Description("HS chapter.")
    HS2,
    @Description("HS heading.")
    HS4,
    @Description("HS subheading.")
    HS6,
    @Description("Calendar year of the period.")
    YEAR,
    @Description("Calendar quarter of the period.")
    QUARTER,
    @Description("Calendar month of the period.")
    MONTH
}
