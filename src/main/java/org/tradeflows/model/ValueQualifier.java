package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("How precise a figure is, as its source gives it. A sum that includes an AT_LEAST or MORE_THAN figure is itself at least.")
public enum ValueQualifier {
    @Description("The figure as stated, without qualifier.")
    EXACT,
    @Description("At least the figure (a lower bound).")
    AT_LEAST,
    @Description("More than the figure (a strict lower bound).")
    MORE_THAN,
    @Description("About the figure.")
    APPROXIMATE,
    @Description("An estimate.")
    ESTIMATED
}
