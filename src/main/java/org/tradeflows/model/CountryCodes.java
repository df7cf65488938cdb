package org.tradeflows.model;

/** The three ISO 3166-1 codes of one country and its English name, by which a user may name it. */
public record CountryCodes(String alpha2, String alpha3, int numeric, String name) {
}
