package org.tradeflows.model;

/** A company a finding speaks about, and in which role. */
public record FindingCompanyRecord(CompanyRole role, CompanyRecord company) {
}
