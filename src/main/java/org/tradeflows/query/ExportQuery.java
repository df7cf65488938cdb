package org.tradeflows.query;

import java.util.List;

/** A whole result to stream: one statement, its parameters, and the exported columns in their stable order. */
public record ExportQuery(String name, String sql, List<Object> params, List<String> columns) {
}
