package org.tradeflows.model;

/** The three ISO 3166-1 codes of one country and its English name, by which a user may name it. */
public record CountryCodes(String alpha2, String alpha3, int numeric, String name) {

    /** What a country argument takes, for descriptions and messages alike. */
    public static final String ACCEPTED = "ISO 3166-1 code: alpha-2 (CN), alpha-3 (CHN) or numeric (156), any case";
}
