package org.tradeflows.model;

import java.time.OffsetDateTime;

/**
 * The last answer (JSON of its data) of a persisted query with its variables (canonical JSON) that someone watches,
 * compared after every release event up to {@code checkedSeq}.
 */
public record WatchedAnswerRecord(String hash, String variables, String answer, long checkedSeq, OffsetDateTime watchedUntil) {
}
