package org.tradeflows.model;

/** A registry identifier of a company as stored; the API's CompanyIdentifier is made from it. */
public record CompanyIdentifierRecord(IdentifierScheme scheme, String value) {
}
