package org.tradeflows.model;

/**
 * A delivery an instance has claimed to send now: what its body is made of (the event as the delivery copied it, JSON)
 * and where and how it goes (the hook's URL and secret, the query's hash and variables).
 */
public record DueDeliveryRecord(long id, long webhookId, long eventSeq, int attempts, String event, String url,
        String secret, String hash, String variables) {
}
