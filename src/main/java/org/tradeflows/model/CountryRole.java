package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("The part a country plays in a finding.")
public enum CountryRole {
    @Description("Where the goods came from.")
    ORIGIN,
    @Description("Where the goods went.")
    DESTINATION,
    @Description("The finding is about it otherwise.")
    SUBJECT
}
