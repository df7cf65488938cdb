package org.tradeflows.model;

/** A reported number of things with its unit and precision; the API's Count is made from it. */
public record CountRecord(long value, String unit, ValueQualifier qualifier) {
}
