package org.tradeflows.model;

import java.time.LocalDate;

/** A period from start to end (inclusive) with the source's wording; the API's Period is made from it. */
public record PeriodRecord(LocalDate start, LocalDate end, String label) {
}
