package org.tradeflows.model;

import java.time.OffsetDateTime;

/**
 * One event of live answers as live_event keeps it: its sequence number (the resume token), its kind
 * (RELEASE_PUBLISHED, SANCTION_RECORDED, ANSWER_CHANGED), what it is about and its JSON payload.
 */
public record LiveEventRecord(long seq, String kind, String subject, String payload, OffsetDateTime createdAt) {
}
