package org.tradeflows.model;

import java.time.OffsetDateTime;

/**
 * One attempt of a delivery: the receiver's HTTP status (null when none came) and, when it failed, what went wrong
 * in words.
 */
public record WebhookAttemptRecord(long deliveryId, int number, OffsetDateTime startedAt, int durationMs,
        Integer statusCode, String error) {
}
