package org.tradeflows.model;

import java.time.OffsetDateTime;

/** An API key as stored (never the key itself), with its database id; the API's ApiKey is made from it. */
public record ApiKeyRecord(long id, String name, ApiRole role, String prefix, OffsetDateTime createdAt,
        String createdBy, OffsetDateTime revokedAt, String revokedBy) {
}
