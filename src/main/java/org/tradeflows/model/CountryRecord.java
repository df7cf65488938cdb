package org.tradeflows.model;

/** A country of ISO 3166-1 as stored; the API's Country is made from it. */
public record CountryRecord(String code, String alpha3, int numericCode, String name, String officialName, String nameRu,
        String nameZh, String region, String subregion) {
}
