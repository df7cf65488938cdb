package org.tradeflows.model;

import java.time.OffsetDateTime;

/**
 * A GraphQL document registered under the SHA-256 of its text (hex, lower case): what a persisted-query request or a
 * permalink names instead of the text.
 *
 * @param origin ADMIN (the registerPersistedQuery mutation), EXAMPLE (graphql/examples) or EXPLORER (graphql/explorer, the explorer's own queries), both registered at start
 */
public record PersistedQueryRecord(long id, String sha256, String document, String name, String origin,
        OffsetDateTime registeredAt, String registeredBy) {
}
