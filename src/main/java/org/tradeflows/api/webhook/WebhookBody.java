package org.tradeflows.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.tradeflows.api.live.ExactJson;
import org.tradeflows.model.DueDeliveryRecord;
import org.tradeflows.model.GlobalId;

/**
 * The JSON body of a delivery (README, "Webhooks"), made from what the delivery copied of its event: the same bytes on
 * every attempt, numbers exactly as the answer had them (never through a double).
 */
final class WebhookBody {

    static final String EVENT = "answerChanged";
    private static final ObjectMapper JSON = ExactJson.MAPPER;

    private WebhookBody() {
    }

    static String deliveryId(long id) {
        return GlobalId.of("WebhookDelivery", id);
    }

    static String webhookId(long id) {
        return GlobalId.of("Webhook", id);
    }

    static byte[] of(DueDeliveryRecord d) {
        try {
            JsonNode event = JSON.readTree(d.event());
            ObjectNode body = JSON.createObjectNode();
            body.put("type", EVENT);
            body.put("deliveryId", deliveryId(d.id()));
            body.put("webhookId", webhookId(d.webhookId()));
            body.put("eventId", d.eventSeq());
            body.put("sha256Hash", d.hash());
            body.set("variables", JSON.readTree(d.variables()));
            body.set("release", event.path("release").isMissingNode() ? JSON.nullNode() : event.get("release"));
            body.put("changedAt", event.path("at").asText());
            body.set("previousData", event.get("previous"));
            body.set("data", event.get("current"));
            body.set("changes", event.get("changes"));
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a webhook delivery's event is not JSON", e);
        }
    }
}
