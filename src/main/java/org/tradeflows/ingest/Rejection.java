package org.tradeflows.ingest;

/** One reason a row was rejected: where (line of the file, column) and why, with the offending value. */
public record Rejection(long line, String column, String reason, String value) {
}
