package org.tradeflows.model;

/** A company as stored (a survivor, never a merged one), with database ids; the API's Company is made from it. */
public record CompanyRecord(long id, String name, String nameOriginal, String city, String specialEconomicZone,
        String description, String countryCode, Long sourceId) {
}
