package org.tradeflows.model;

import java.time.OffsetDateTime;

/**
 * One delivery of one answer change to one webhook: PENDING (with the time of its next attempt), DELIVERED or DEAD
 * (the dead letter, after the last attempt failed), with the number of attempts made.
 */
public record WebhookDeliveryRecord(long id, long webhookId, long eventSeq, String status, int attempts,
        OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
}
