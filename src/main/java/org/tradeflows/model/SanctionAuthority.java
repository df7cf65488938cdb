package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("The authority that lists a company.")
public enum SanctionAuthority {
    @Description("The European Union.")
    EU,
    @Description("US Treasury, Office of Foreign Assets Control (SDN list).")
    US_OFAC,
    @Description("US Commerce, Bureau of Industry and Security (Entity List).")
    US_BIS,
    @Description("The United Kingdom.")
    UK,
    @Description("Japan.")
    JAPAN,
    @Description("Switzerland.")
    SWITZERLAND,
    @Description("Ukraine.")
    UKRAINE,
    @Description("Canada.")
    CANADA,
    @Description("Australia.")
    AUSTRALIA,
    @Description("Another authority; see the program and source.")
    OTHER
}
