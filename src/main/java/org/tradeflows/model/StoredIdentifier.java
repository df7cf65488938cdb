package org.tradeflows.model;

/** One row of a company's registry identifiers, with its ids, as a curator's change sees (and audits) it. */
public record StoredIdentifier(long id, long companyId, IdentifierScheme scheme, String value, Long sourceId) {
}
