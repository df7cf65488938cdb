package org.tradeflows.model;

/** A product category in a topic, with why it belongs there. */
public record TopicProductRecord(String note, ProductCategoryRecord product) {
}
