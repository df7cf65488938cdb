package org.tradeflows.model;

/** A product category a finding speaks about, with the goods as the source names them. */
public record FindingProductRecord(String goods, ProductCategoryRecord product) {
}
