package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;

@Description("Sort direction. Empty values always come last.")
public enum SortDirection {
    @Description("Ascending.")
    ASC,
    @Description("Descending.")
    DESC
}
