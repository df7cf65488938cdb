package org.tradeflows.model;

/** A curated set of product categories as stored, with database ids; the API's Topic is made from it. */
public record TopicRecord(long id, String key, String name, String description, long sourceId) {
}
