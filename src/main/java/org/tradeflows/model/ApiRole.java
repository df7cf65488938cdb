package org.tradeflows.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What an API key may do. Reading needs no key; a key of any role gets higher rate limits.")
public enum ApiRole {
    @Description("Reads with the higher limits of a key.")
    READER,
    @Description("Also loads data and corrects entities (merge, aliases, identifiers, sanctions, sources).")
    CURATOR,
    @Description("Also creates, lists and revokes keys and reads the audit trail.")
    ADMIN
}
