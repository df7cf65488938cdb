package org.tradeflows.model;

/** A country a finding speaks about, and in which role. */
public record FindingCountryRecord(CountryRole role, CountryRecord country) {
}
