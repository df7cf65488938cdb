package org.tradeflows.model;

/** A category of the HS tree as stored; the API's ProductCategory is made from it. */
public record ProductCategoryRecord(String code, ProductLevel level, String description, String parentCode,
        String sectionCode) {
}
