package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Registry identifier schemes.")
public enum IdentifierScheme {
    @Description("Russian taxpayer number (10 or 12 digits).")
    INN,
    @Description("Russian primary state registration number (13 or 15 digits).")
    OGRN,
    @Description("Russian tax registration reason code (9 characters).")
    KPP,
    @Description("Chinese unified social credit code (18 characters).")
    USCC,
    @Description("Legal Entity Identifier (20 characters).")
    LEI,
    @Description("OpenSanctions entity id.")
    OPENSANCTIONS,
    @Description("Another identifier.")
    OTHER
}
