package org.tradeflows.model;

import java.time.OffsetDateTime;

/**
 * A webhook as the webhook table keeps it, without its secret: the persisted query (hash and canonical variables) whose
 * answer it follows, the URL it posts to, the key that made it (null: the bootstrap admin key) and since when its
 * deliveries go to the dead letter (null while they arrive).
 */
public record WebhookRecord(long id, String hash, String variables, String url, Long keyId, String createdBy,
        OffsetDateTime createdAt, OffsetDateTime failingSince) {
}
