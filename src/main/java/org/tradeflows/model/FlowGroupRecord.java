package org.tradeflows.model;

/**
 * One group of shipments: the values of the dimensions grouped by (the others are null) and its measures. Companies,
 * countries, products and sources are named by their database keys; the api type {@code FlowGroup} resolves them.
 */
public record FlowGroupRecord(Integer year, String quarter, String month, ChplTier chplTier, Boolean recipientSanctioned,
        FlowMeasuresRecord measures, Long supplierId, Long recipientId, String supplierCountryCode,
        String recipientCountryCode, String intermediaryCountryCode, String sectionCode, String hs2Code, String hs4Code,
        String hs6Code, Long sourceId) {
}
