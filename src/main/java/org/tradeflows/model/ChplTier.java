package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Tier of the Common High Priority List (version of 23 February 2024); tier 1 is of highest concern.")
public enum ChplTier {
    @Description("Tier 1: integrated circuits.")
    TIER_1,
    @Description("Tier 2: other electronics (communication, radio navigation, passive components).")
    TIER_2,
    @Description("Tier 3.A: further electronic components used in Russian weapons.")
    TIER_3A,
    @Description("Tier 3.B: mechanical and other components (bearings, aircraft and UAV parts, optics, navigation instruments).")
    TIER_3B,
    @Description("Tier 4.A: manufacturing, production and quality-testing equipment for electronics.")
    TIER_4A,
    @Description("Tier 4.B: CNC machine tools and their components.")
    TIER_4B
}
