package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("The part a company plays in a finding.")
public enum CompanyRole {
    @Description("Sent the goods.")
    SUPPLIER,
    @Description("Received the goods.")
    RECIPIENT,
    @Description("Passed the goods on.")
    INTERMEDIARY,
    @Description("The finding is about it otherwise.")
    SUBJECT
}
