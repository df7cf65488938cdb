package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a delivery stands.")
public enum WebhookDeliveryStatus {
    @Description("Not received yet: its next attempt is at nextAttemptAt.")
    PENDING,
    @Description("The receiver answered an attempt with a 2xx status.")
    DELIVERED,
    @Description("The dead letter: every attempt failed (tradeflows.webhooks.max-attempts); it is not tried again.")
    DEAD
}
