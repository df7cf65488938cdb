package org.tradeflows.api.types;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.WebhookAttemptRecord;
import org.tradeflows.model.WebhookDeliveryRecord;

@Description("One answer change posted (or to be posted) to one webhook, with every attempt made.")
public record WebhookDelivery(
        @NonNull @Id @Description("Global id of the delivery, sent as X-Tradeflows-Delivery and deliveryId: the same on every attempt, so a receiver can ignore one it has already taken.") String id,
        @NonNull @Description("The answerChanged event delivered (its sequence, eventId in the body).") long eventSequence,
        @NonNull @Description("Where the delivery stands.") WebhookDeliveryStatus status,
        @NonNull @Description("Attempts made so far.") int attemptCount,
        @Description("When the next attempt is due; empty unless PENDING.") OffsetDateTime nextAttemptAt,
        @Description("The last attempt's HTTP status from the receiver; empty when no attempt got one.") Integer lastStatusCode,
        @Description("What went wrong at the last attempt, in words; empty when it arrived or none was made.") String lastError,
        @NonNull @Description("When the change was found and the delivery made.") OffsetDateTime createdAt,
        @Description("When it arrived or went to the dead letter.") OffsetDateTime finishedAt,
        @NonNull @Description("Every attempt, first first (at most tradeflows.webhooks.max-attempts).") List<@NonNull WebhookAttempt> attempts) {

    public static WebhookDelivery of(WebhookDeliveryRecord d, List<WebhookAttemptRecord> attempts) {
        WebhookAttemptRecord last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        return new WebhookDelivery(GlobalId.of("WebhookDelivery", d.id()), d.eventSeq(), WebhookDeliveryStatus.valueOf(d.status()),
                d.attempts(), d.nextAttemptAt(), last == null ? null : last.statusCode(), last == null ? null : last.error(),
                d.createdAt(), d.finishedAt(), attempts.stream().map(WebhookAttempt::of).toList());
    }
}
