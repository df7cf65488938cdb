package org.tradeflows.model;

/** A webhook just made, with its secret: the one answer that shows it. */
public record CreatedWebhookRecord(String secret, WebhookRecord webhook) {
}
