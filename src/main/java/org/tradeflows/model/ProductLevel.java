package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Level of a category in the HS 2022 tree.")
public enum ProductLevel {
    @Description("One of the 21 HS sections (Roman numeral).")
    SECTION,
    @Description("HS2: a two-digit chapter.")
    CHAPTER,
    @Description("HS4: a four-digit heading.")
    HEADING,
    @Description("HS6: a six-digit subheading.")
    SUBHEADING
}
