package org.tradeflows.model;

/**
 * A finding as stored, with database ids and its source's citation; value and count are null where it has none.
 * The API's Finding is made from it.
 */
public record FindingRecord(long id, String key, FindingKind kind, String statement, String quote, AmountRecord value,
        CountRecord count, PeriodRecord period, boolean confirmed, boolean throughIntermediaries, String note,
        String citation, long sourceId, Long partOfId) {
}
