package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What a unit value divides the EUR value by.")
public enum UnitValueBasis {
    @Description("EUR per kilogram of net weight; shipments without a net weight above 0 are left out.")
    PER_KG,
    @Description("EUR per unit of the declared quantity, compared only with the same quantity unit; shipments "
            + "without a quantity above 0 are left out.")
    PER_UNIT
}
