package org.tradeflows.model;

/** Another name of a company as stored; the API's CompanyAlias is made from it. */
public record CompanyAliasRecord(String name, AliasKind kind) {
}
