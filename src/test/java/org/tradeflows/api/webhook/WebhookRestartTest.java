package org.tradeflows.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.BaciRevision;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;
import org.tradeflows.support.ServiceProcess;
import org.tradeflows.support.WebhookReceiver;

/**
 * A pending delivery outlives the instance that tried it: the instance under test makes the delivery and sends nothing
 * (WebhooksOffProfile); a second instance, a child process, makes the first attempt (the receiver answers 500) and is
 * killed (SIGKILL) before the next; a third one, started afterwards, makes the second attempt, which arrives. Read by SQL.
 */
@QuarkusTest
@TestProfile(WebhooksOffProfile.class)
class WebhookRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * The sending instances: loopback receivers allowed, and a first retry late enough to kill the sender before it even
     * on a loaded machine (with 3 s, a first run saw the second attempt sent before the kill took effect).
     */
    private static final Map<String, String> SENDER = Map.of(
            "tradeflows.webhooks.allowed-hosts", "127.0.0.1",
            "tradeflows.webhooks.require-https", "false",
            "tradeflows.webhooks.allow-private", "true",
            "tradeflows.webhooks.poll-interval", "100ms",
            "tradeflows.webhooks.first-retry-delay", "15s",
            "tradeflows.webhooks.max-retry-delay", "15s",
            "tradeflows.admin-key", "test-admin-key");

    @Inject
    Jdbc jdbc;

    @Test
    void aPendingDeliveryOutlivesTheInstanceThatTriedItAndIsDeliveredByTheNext() throws Exception {
        String source = "test-hook-restart";
        BaciRevision.load(source, BaciRevision.FIRST);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(GraphQL.exampleQuery("trade-volumes-as-of").getBytes(StandardCharsets.UTF_8)));
        String canonical = "{\"filter\":{\"source\":\"" + source + "\"},\"first\":50}";
        String key = Keys.create("READER", "hooks restart");
        try (WebhookReceiver receiver = new WebhookReceiver(n -> n == 1 ? 500 : 200)) {
            JsonPath made = GraphQL.dataAs(key, "mutation($i: WebhookInput!) { createWebhook(input: $i) { webhook { id } } }",
                    Map.of("i", Map.of("sha256Hash", hash, "variables", canonical, "url", receiver.url("/restart"))));
            long hook = GlobalId.dbId(made.getString("data.createWebhook.webhook.id"));
            await().atMost(WAIT).until(() -> jdbc.count("select count(*) from live_answer where hash = ? and variables = ? "
                    + "and answer is not null", List.of(hash, canonical)) == 1);

            BaciRevision.load(source, BaciRevision.REVISED);
            await().atMost(WAIT).until(() -> jdbc.count("select count(*) from webhook_delivery where webhook_id = ?", List.of(hook)) == 1);
            assertThat(receiver.all()).as("the instance under test sends nothing").isEmpty();

            ServiceProcess first = ServiceProcess.start("webhooks-sender-1", SENDER);
            try {
                await().atMost(WAIT).until(() -> jdbc.count("select count(*) from webhook_attempt a join webhook_delivery d on "
                        + "d.id = a.delivery_id where d.webhook_id = ?", List.of(hook)) == 1);
            } finally {
                first.kill();
            }
            assertThat(jdbc.count("select count(*) from webhook_delivery where webhook_id = ? and status = 'PENDING' "
                    + "and attempts = 1 and next_attempt_at is not null", List.of(hook))).as("pending after the kill").isEqualTo(1);
            assertThat(receiver.all()).hasSize(1);

            try (ServiceProcess second = ServiceProcess.start("webhooks-sender-2", SENDER)) {
                await().atMost(WAIT).until(() -> jdbc.count("select count(*) from webhook_delivery where webhook_id = ? "
                        + "and status = 'DELIVERED'", List.of(hook)) == 1);
            }
            assertThat(jdbc.list("select a.status_code from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id "
                    + "where d.webhook_id = ? order by a.number", List.of(hook), rs -> rs.getInt(1))).containsExactly(500, 200);
            List<WebhookReceiver.Received> got = receiver.all();
            assertThat(got).hasSize(2);
            assertThat(got).extracting(r -> r.header("X-Tradeflows-Delivery")).containsOnly(got.get(0).header("X-Tradeflows-Delivery"));
            assertThat(got).extracting(r -> r.header("X-Tradeflows-Attempt")).containsExactly("1", "2");
            assertThat(new ObjectMapper().readTree(got.get(1).body()).path("webhookId").asText())
                    .isEqualTo(made.getString("data.createWebhook.webhook.id"));
        }
    }
}
