package org.tradeflows.model;

/** One row of a company's aliases, with its ids, as a curator's change sees (and audits) it. */
public record StoredAlias(long id, long companyId, String alias, AliasKind kind, Long sourceId) {
}
