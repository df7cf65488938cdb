package org.tradeflows.model;

/** A key just made: the key itself, shown this once, and its stored record. */
public record CreatedApiKeyRecord(String key, ApiKeyRecord apiKey) {
}
