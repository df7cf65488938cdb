package org.tradeflows.store;

import java.util.List;

/** A row of a keyset-paged answer with the values of its sort columns, which make its cursor. */
public record KeyedRow<T>(T row, List<String> key) {
}
