package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("How a mirror gap stands against the usual CIF/FOB and timing band.")
public enum MirrorGapFlag {
    @Description("The gap in per cent lies inside the band: the usual difference, not flagged.")
    INSIDE_BAND,
    @Description("The gap in per cent lies outside the band: flagged.")
    OUTSIDE_BAND,
    @Description("The exporter reported nothing for this period and code (shown as missing, not 0).")
    EXPORT_MISSING,
    @Description("The importer reported nothing for this period and code (shown as missing, not 0).")
    IMPORT_MISSING,
    @Description("Both sides reported, but a side has no EUR value or the exporter's is 0, so no per cent.")
    NOT_COMPARABLE
}
