package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.WebhookAttemptRecord;

@Description("One attempt of a delivery.")
public record WebhookAttempt(
        @NonNull @Description("1 for the first attempt (sent as X-Tradeflows-Attempt).") int number,
        @NonNull @Description("When it was sent.") OffsetDateTime at,
        @NonNull @Description("How long it took, in milliseconds.") int durationMs,
        @Description("The receiver's HTTP status; empty when none came (refused address, no connection, timeout).") Integer statusCode,
        @Description("What went wrong, in words; empty when the receiver took it (2xx).") String error) {

    public static WebhookAttempt of(WebhookAttemptRecord a) {
        return new WebhookAttempt(a.number(), a.startedAt(), a.durationMs(), a.statusCode(), a.error());
    }
}
