package org.tradeflows.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.BaciRevision;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;
import org.tradeflows.support.WebhookReceiver;

/**
 * Webhooks against the running service, its PostgreSQL and receivers on loopback (the JDK's HttpServer): a release that
 * changes a persisted query's answer is posted, signed, and the signature checks out by an HMAC computed here; one that
 * does not change it posts nothing; a receiver that fails twice gets a third attempt, one that always fails ends in the
 * dead letter after max-attempts (4 in tests) with its hook FAILING; refusals are coded; a key sees only its own hooks.
 * Expected figures and sequence numbers are read by SQL, never from the code under test.
 */
@QuarkusTest
class WebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** %test.tradeflows.webhooks.max-attempts */
    private static final int MAX_ATTEMPTS = 4;
    private static final String CREATE = """
            mutation($i: WebhookInput!) { createWebhook(input: $i) { secret webhook { id sha256Hash variables url status } } }""";
    private static final String LOG = """
            query($w: ID!) { webhookDeliveries(webhook: $w) { totalCount edges { node { id eventSequence status attemptCount
              nextAttemptAt lastStatusCode lastError finishedAt attempts { number at durationMs statusCode error } } } } }""";

    @Inject
    Jdbc jdbc;

    private static String hash() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(GraphQL.exampleQuery("trade-volumes-as-of").getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Object> variables(String source) {
        return Map.of("first", 50, "filter", Map.of("source", source));
    }

    private static String canonical(String source) {
        return "{\"filter\":{\"source\":\"" + source + "\"},\"first\":50}";
    }

    private static String load(String source, String file) {
        return BaciRevision.load(source, file).getString("releaseKey");
    }

    private JsonPath create(String key, String source, String url) throws Exception {
        return GraphQL.postAs(key, CREATE, Map.of("i", Map.of("sha256Hash", hash(),
                "variables", JSON.writeValueAsString(variables(source)), "url", url)));
    }

    /** Makes a hook and waits until its answer has its first run (what the next is compared with). */
    private Hook hook(String key, String source, String url) throws Exception {
        JsonPath made = create(key, source, url);
        assertThat(made.getList("errors")).as("errors of createWebhook").isNull();
        Hook h = new Hook(made.getString("data.createWebhook.webhook.id"), made.getString("data.createWebhook.secret"));
        String hash = hash();
        await().atMost(WAIT).until(() -> jdbc.count("select count(*) from live_answer where hash = ? and variables = ? "
                + "and answer is not null", List.of(hash, canonical(source))) == 1);
        return h;
    }

    private record Hook(String id, String secret) {
    }

    /** The delivery log as the API answers it, once the predicate holds for it (or the deadline fails the test). */
    private JsonNode awaitLog(String key, String hookId, java.util.function.Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(WAIT).untilAsserted(() -> {
            String answer = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key)
                    .body(Map.of("query", LOG, "variables", Map.of("w", hookId))).when().post("/graphql")
                    .then().statusCode(200).extract().asString();
            JsonNode root = JSON.readTree(answer);
            assertThat(root.path("errors").isMissingNode()).as(answer).isTrue();
            last[0] = root.at("/data/webhookDeliveries");
            assertThat(until.test(last[0])).as("the delivery log: %s", last[0]).isTrue();
        });
        return last[0];
    }

    private static String sign(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static void assertSigned(WebhookReceiver.Received r, String secret) throws Exception {
        String timestamp = r.header("X-Tradeflows-Timestamp");
        assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(300L));
        assertThat(r.header("X-Tradeflows-Signature")).isEqualTo(sign(secret, timestamp, r.body()));
    }

    /** The amount of the product's figure in an answer of trade-volumes-as-of. */
    private static BigDecimal amountOf(JsonNode data, String product) {
        for (JsonNode edge : data.at("/tradeVolumes/edges")) {
            if (edge.at("/node/product/code").asText().equals(product)) {
                return new BigDecimal(edge.at("/node/value/amount").asText());
            }
        }
        throw new AssertionError("no figure of " + product + " in " + data);
    }

    @Test
    void aChangedAnswerIsPostedSignedAndAnUnchangedOneIsNot() throws Exception {
        String source = "test-hook-signed";
        load(source, BaciRevision.FIRST);
        Map<String, BigDecimal> was = BaciRevision.figures(jdbc, source);
        String key = Keys.create("READER", "hooks");
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            Hook hook = hook(key, source, receiver.url("/hooks/tradeflows?team=charts"));

            // a release of another source leaves the answer as it was: compared, and nothing made or sent
            long otherSeq = BaciRevision.releaseSeq(jdbc, load("test-hook-unrelated", BaciRevision.REVISED), WAIT);
            await().atMost(WAIT).until(() -> jdbc.count("select checked_seq from live_answer where hash = ? and variables = ?",
                    List.of(hash(), canonical(source))) >= otherSeq);
            assertThat(jdbc.count("select count(*) from webhook_delivery where webhook_id = (select max(id) from webhook "
                    + "where url = ?)", List.of(receiver.url("/hooks/tradeflows?team=charts")))).isZero();
            assertThat(receiver.all()).isEmpty();

            String revised = load(source, BaciRevision.REVISED);
            WebhookReceiver.Received got = receiver.next(WAIT);
            assertThat(got).as("a POST after the revision").isNotNull();
            assertThat(got.method()).isEqualTo("POST");
            assertThat(got.path()).isEqualTo("/hooks/tradeflows?team=charts");
            assertThat(got.header("Content-Type")).startsWith("application/json");
            assertThat(got.header("X-Tradeflows-Event")).isEqualTo("answerChanged");
            assertThat(got.header("X-Tradeflows-Webhook")).isEqualTo(hook.id());
            assertThat(got.header("X-Tradeflows-Attempt")).isEqualTo("1");
            assertSigned(got, hook.secret());
            // a changed body, or another secret, does not verify: the check above is not vacuous
            byte[] tampered = got.text().replace("275", "276").getBytes(StandardCharsets.UTF_8);
            assertThat(sign(hook.secret(), got.header("X-Tradeflows-Timestamp"), tampered)).isNotEqualTo(got.header("X-Tradeflows-Signature"));
            assertThat(sign("whsec_other", got.header("X-Tradeflows-Timestamp"), got.body())).isNotEqualTo(got.header("X-Tradeflows-Signature"));

            JsonNode body = JSON.readTree(got.body());
            assertThat(body.path("type").asText()).isEqualTo("answerChanged");
            assertThat(body.path("deliveryId").asText()).isEqualTo(got.header("X-Tradeflows-Delivery"));
            assertThat(body.path("webhookId").asText()).isEqualTo(hook.id());
            assertThat(body.path("sha256Hash").asText()).isEqualTo(hash());
            assertThat(body.path("variables")).isEqualTo(JSON.valueToTree(variables(source)));
            assertThat(body.at("/release/key").asText()).isEqualTo(revised);
            long eventSeq = jdbc.count("select max(seq) from live_event where kind = 'ANSWER_CHANGED' and subject = ?",
                    List.of(hash() + " " + canonical(source)));
            assertThat(body.path("eventId").asLong()).isEqualTo(eventSeq);
            Map<String, BigDecimal> now = BaciRevision.figures(jdbc, source);
            List<JsonNode> changes = new ArrayList<>();
            body.path("changes").forEach(changes::add);
            assertThat(changes).anySatisfy(c -> {
                assertThat(c.path("path").asText()).endsWith(".value.amount");
                assertThat(new BigDecimal(c.path("before").asText().replace("\"", ""))).isEqualByComparingTo(was.get("850440"));
                assertThat(new BigDecimal(c.path("after").asText().replace("\"", ""))).isEqualByComparingTo(now.get("850440"));
            });
            assertThat(body.at("/previousData/tradeVolumes/totalCount").asInt()).isEqualTo(2);
            assertThat(amountOf(body.path("data"), "850440")).isEqualByComparingTo(now.get("850440"));
            assertThat(amountOf(body.path("previousData"), "850440")).isEqualByComparingTo(was.get("850440"));

            JsonNode log = awaitLog(key, hook.id(), l -> l.at("/edges/0/node/status").asText().equals("DELIVERED"));
            assertThat(log.path("totalCount").asInt()).isEqualTo(1);
            JsonNode delivery = log.at("/edges/0/node");
            assertThat(delivery.path("id").asText()).isEqualTo(got.header("X-Tradeflows-Delivery"));
            assertThat(delivery.path("eventSequence").asLong()).isEqualTo(eventSeq);
            assertThat(delivery.path("attemptCount").asInt()).isEqualTo(1);
            assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(200);
            assertThat(delivery.path("lastError").isNull()).isTrue();
            assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
            assertThat(receiver.all()).hasSize(1);
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsAThirdAttemptOfTheSameDelivery() throws Exception {
        String source = "test-hook-retry";
        load(source, BaciRevision.FIRST);
        String key = Keys.create("READER", "hooks retry");
        try (WebhookReceiver receiver = new WebhookReceiver(n -> n <= 2 ? 500 : 200)) {
            Hook hook = hook(key, source, receiver.url("/retry"));
            load(source, BaciRevision.REVISED);
            JsonNode log = awaitLog(key, hook.id(), l -> l.at("/edges/0/node/status").asText().equals("DELIVERED"));
            JsonNode delivery = log.at("/edges/0/node");
            assertThat(delivery.path("attemptCount").asInt()).isEqualTo(3);
            List<JsonNode> attempts = new ArrayList<>();
            delivery.path("attempts").forEach(attempts::add);
            assertThat(attempts).extracting(a -> a.path("number").asInt()).containsExactly(1, 2, 3);
            assertThat(attempts).extracting(a -> a.path("statusCode").asInt()).containsExactly(500, 500, 200);
            assertThat(attempts.get(0).path("error").asText()).contains("answered 500").doesNotContain("Exception");
            assertThat(attempts.get(2).path("error").isNull()).isTrue();
            // the waits doubled: the third attempt came at least first-retry-delay + twice that after the first
            Duration waited = Duration.between(java.time.OffsetDateTime.parse(attempts.get(0).path("at").asText()),
                    java.time.OffsetDateTime.parse(attempts.get(2).path("at").asText()));
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(300));

            List<WebhookReceiver.Received> got = receiver.all();
            assertThat(got).hasSize(3);
            assertThat(got).extracting(r -> r.header("X-Tradeflows-Delivery")).containsOnly(delivery.path("id").asText());
            assertThat(got).extracting(r -> r.header("X-Tradeflows-Attempt")).containsExactly("1", "2", "3");
            assertThat(got).extracting(WebhookReceiver.Received::text).containsOnly(got.get(0).text());
            for (WebhookReceiver.Received r : got) {
                assertSigned(r, hook.secret());
            }
        }
    }

    @Test
    void aReceiverThatAlwaysFailsEndsInTheDeadLetterAndItsHookFailing() throws Exception {
        String source = "test-hook-dead";
        load(source, BaciRevision.FIRST);
        String key = Keys.create("READER", "hooks dead");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort(); // nothing listens there once it is closed
        }
        try (WebhookReceiver receiver = new WebhookReceiver(n -> 503)) {
            Hook failing = hook(key, source, receiver.url("/down"));
            Hook nowhere = hook(key, source, "http://127.0.0.1:" + closedPort + "/nobody");
            load(source, BaciRevision.REVISED);
            for (Hook h : List.of(failing, nowhere)) {
                JsonNode log = awaitLog(key, h.id(), l -> l.at("/edges/0/node/status").asText().equals("DEAD"));
                JsonNode delivery = log.at("/edges/0/node");
                assertThat(delivery.path("attemptCount").asInt()).isEqualTo(MAX_ATTEMPTS);
                assertThat(delivery.path("attempts").size()).isEqualTo(MAX_ATTEMPTS);
                assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
                assertThat(delivery.path("finishedAt").isNull()).isFalse();
                assertThat(delivery.path("lastError").asText()).doesNotContain("Exception").isNotBlank();
            }
            assertThat(receiver.all()).hasSize(MAX_ATTEMPTS);
            assertThat(awaitLog(key, failing.id(), l -> true).at("/edges/0/node/lastError").asText())
                    .contains("answered 503");
            JsonNode refused = awaitLog(key, nowhere.id(), l -> true).at("/edges/0/node");
            assertThat(refused.path("lastStatusCode").isNull()).isTrue();
            assertThat(refused.path("lastError").asText()).contains("refused");

            JsonPath hooks = GraphQL.dataAs(key, "{ webhooks { edges { node { id status failingSince } } } }", null);
            assertThat(hooks.getList("data.webhooks.edges.node.status")).containsOnly("FAILING");
            assertThat(hooks.getList("data.webhooks.edges.node.failingSince")).doesNotContainNull();
            assertThat(jdbc.count("select count(*) from webhook_delivery where status = 'DEAD' and webhook_id in "
                    + "(select id from webhook where key_id = (select max(id) from api_key where name like 'hooks dead %'))",
                    List.of())).isEqualTo(2);
        }
    }

    @Test
    void aKeySeesOnlyItsOwnHooksAndAnAdminSeesAll() throws Exception {
        String a = Keys.create("READER", "hooks a");
        String b = Keys.create("READER", "hooks b");
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            JsonPath made = create(a, "test-hook-own", receiver.url("/a"));
            String id = made.getString("data.createWebhook.webhook.id");
            assertThat(id).isNotNull();
            assertThat(made.getString("data.createWebhook.secret")).startsWith("whsec_").hasSize(49);

            assertThat(GraphQL.dataAs(a, "{ webhooks { totalCount edges { node { id } } } }", null)
                    .getList("data.webhooks.edges.node.id")).containsExactly(id);
            assertThat(GraphQL.dataAs(b, "{ webhooks { totalCount edges { node { id } } } }", null)
                    .getList("data.webhooks.edges.node.id")).doesNotContain(id);
            assertThat(GraphQL.dataAs(Keys.ADMIN, "{ webhooks(first: 100) { edges { node { id } } } }", null)
                    .getList("data.webhooks.edges.node.id")).contains(id);

            JsonPath peek = GraphQL.postAs(b, LOG, Map.of("w", id));
            assertThat(peek.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
            JsonPath delete = GraphQL.postAs(b, "mutation($id: ID!) { deleteWebhook(id: $id) { id } }", Map.of("id", id));
            assertThat(delete.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
            assertThat(delete.getString("errors[0].message")).contains("no webhook with this id");

            JsonPath anonymous = GraphQL.postAs(null, "{ webhooks { totalCount } }", null);
            assertThat(anonymous.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");

            assertThat(GraphQL.dataAs(a, "mutation($id: ID!) { deleteWebhook(id: $id) { id } }", Map.of("id", id))
                    .getString("data.deleteWebhook.id")).isEqualTo(id);
            assertThat(jdbc.count("select count(*) from audit_entry where action in ('CREATE_WEBHOOK', 'DELETE_WEBHOOK') "
                    + "and record_type = 'Webhook' and record_id = ?", List.of(GlobalId.dbId(id)))).isEqualTo(2);
            assertThat(jdbc.count("select count(*) from audit_entry where after::text like '%whsec_%' or before::text like '%whsec_%'",
                    List.of())).isZero();
        }
    }

    @Test
    void refusalsAreCodedAndSayWhy() throws Exception {
        String key = Keys.create("READER", "hooks refused");
        JsonPath offList = create(key, "test-hook-refused", "https://example.org/hook");
        assertThat(offList.getString("errors[0].extensions.code")).isEqualTo("WEBHOOK_URL_REFUSED");
        assertThat(offList.getString("errors[0].message")).startsWith("input.url:").contains("example.org")
                .contains("allow-list");

        JsonPath notUrl = create(key, "test-hook-refused", "ftp://127.0.0.1/hook");
        assertThat(notUrl.getString("errors[0].extensions.code")).isEqualTo("WEBHOOK_URL_REFUSED");

        JsonPath unknown = GraphQL.postAs(key, CREATE, Map.of("i", Map.of("sha256Hash", "0".repeat(64), "url", "http://127.0.0.1/x")));
        assertThat(unknown.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(unknown.getString("errors[0].message")).contains("no query is registered");

        // %test.tradeflows.webhooks.hooks-per-key=3
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            for (int i = 0; i < 3; i++) {
                assertThat(create(key, "test-hook-cap-" + i, receiver.url("/" + i)).getList("errors")).isNull();
            }
            JsonPath fourth = create(key, "test-hook-cap-3", receiver.url("/3"));
            assertThat(fourth.getString("errors[0].extensions.code")).isEqualTo("WEBHOOK_LIMIT_REACHED");
            assertThat(fourth.getString("errors[0].message")).contains("limit of 3").contains("deleteWebhook");
        }
    }
}
