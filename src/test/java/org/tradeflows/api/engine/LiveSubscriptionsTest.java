package org.tradeflows.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.api.live.LiveHub;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.BaciRevision;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.GraphQLWs;
import org.tradeflows.support.Keys;

/**
 * Subscriptions over graphql-transport-ws, with a client that speaks the protocol (support/GraphQLWs): an event after a
 * load commits, nothing lost across a dropped connection when the client comes back with its resume token, answerChanged
 * with the diff after a release revises a persisted query's answer and silence after one that does not, the per-address
 * cap closing with the protocol's code and a reason in words, and the limits of a POST applying to a socket too.
 * Expected keys, figures and sequence numbers are read by SQL, never from the code under test.
 */
@QuarkusTest
class LiveSubscriptionsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RELEASES = "subscription { releasePublished { sequence release { key kind } } }";
    @Inject
    Jdbc jdbc;
    @Inject
    Vertx vertx;
    @Inject
    LiveHub hub;
    @TestHTTPResource("/")
    URL server;

    private int port() {
        return server.getPort();
    }

    private static String load(String source, String file) {
        return BaciRevision.load(source, file).getString("releaseKey");
    }

    private long releaseSeq(String key) {
        return BaciRevision.releaseSeq(jdbc, key, WAIT);
    }

    private void awaitSubscribers(int atLeast) {
        await().atMost(WAIT).until(() -> hub.subscribers() >= atLeast);
    }

    @Test
    void aLoadIsSentAsItCommitsAndAClientThatDroppedGetsWhatItMissedWhenItComesBack() throws Exception {
        long before = hub.subscribers();
        long seqA;
        try (GraphQLWs ws = GraphQLWs.connect(vertx, port(), Map.of())) {
            ws.subscribe("r", RELEASES, null);
            awaitSubscribers((int) before + 1);
            String keyA = load("test-live-a", BaciRevision.FIRST);
            JsonNode next = ws.next("r", WAIT);
            assertThat(next).as("an event after the load").isNotNull();
            assertThat(next.path("type").asText()).isEqualTo("next");
            assertThat(next.at("/payload/data/releasePublished/release/key").asText()).isEqualTo(keyA);
            seqA = next.at("/payload/data/releasePublished/sequence").asLong();
            assertThat(seqA).isEqualTo(releaseSeq(keyA));
        } // dropped: the client is gone while the next release commits

        String keyB = load("test-live-b", BaciRevision.FIRST);
        long seqB = releaseSeq(keyB);
        try (GraphQLWs back = GraphQLWs.connect(vertx, port(), Map.of("resumeAfter", seqA))) {
            back.subscribe("r", RELEASES, null);
            JsonNode missed = back.next("r", WAIT);
            assertThat(missed).as("the missed event, without any new load").isNotNull();
            assertThat(missed.at("/payload/data/releasePublished/release/key").asText()).isEqualTo(keyB);
            assertThat(missed.at("/payload/data/releasePublished/sequence").asLong()).isEqualTo(seqB);
            // every release event after seqA is sent once, in order, and none before it
            List<Long> expected = jdbc.list("select seq from live_event where kind = 'RELEASE_PUBLISHED' and seq > ? "
                    + "and not (payload->>'synthetic')::boolean order by seq", List.of(seqA), rs -> rs.getLong(1));
            assertThat(expected.get(0)).isEqualTo(seqB);
        }
    }

    @Test
    void answerChangedSendsTheDiffWhenAReleaseChangesTheAnswerAndNothingWhenOneDoesNot() throws Exception {
        String source = "test-live-answer";
        load(source, BaciRevision.FIRST);
        Map<String, BigDecimal> was = figures(source);
        String hash = PersistedQueriesTest.sha256(GraphQL.exampleQuery("trade-volumes-as-of")); // registered at start
        String variables = "{\"first\":50,\"filter\":{\"source\":\"" + source + "\"}}";
        String canonical = "{\"filter\":{\"source\":\"" + source + "\"},\"first\":50}";
        try (GraphQLWs ws = GraphQLWs.connect(vertx, port(), Map.of())) {
            ws.subscribe("a", "subscription($h: String!, $v: String) { answerChanged(sha256Hash: $h, variables: $v) { "
                    + "sequence sha256Hash variables release { key } previousData data changes { path before after } } }",
                    Map.of("h", hash, "v", variables));
            // the first answer is recorded before anything is compared with it
            await().atMost(WAIT).until(() -> jdbc.count("select count(*) from live_answer where hash = ? and variables = ? "
                    + "and answer is not null", List.of(hash, canonical)) == 1);

            // a release of another source leaves the answer as it was: compared, and nothing sent
            String other = load("test-live-unrelated", BaciRevision.REVISED);
            long otherSeq = releaseSeq(other);
            await().atMost(WAIT).until(() -> jdbc.count("select checked_seq from live_answer where hash = ? and variables = ?",
                    List.of(hash, canonical)) >= otherSeq);

            String revised = load(source, BaciRevision.REVISED);
            JsonNode next = ws.next("a", WAIT);
            assertThat(next).as("an answerChanged after the revision").isNotNull();
            // the first message is the revision's: the unrelated release sent nothing before it
            JsonNode event = next.at("/payload/data/answerChanged");
            assertThat(event.path("release").path("key").asText()).isEqualTo(revised);
            assertThat(event.path("sha256Hash").asText()).isEqualTo(hash);
            assertThat(event.path("variables").asText()).isEqualTo(canonical);
            Map<String, BigDecimal> now = figures(source);
            assertThat(now.get("850440")).isNotEqualByComparingTo(was.get("850440"));
            List<JsonNode> changes = new ArrayList<>();
            event.path("changes").forEach(changes::add);
            assertThat(changes).anySatisfy(c -> {
                assertThat(c.path("path").asText()).endsWith(".value.amount");
                assertThat(new BigDecimal(c.path("before").asText().replace("\"", ""))).isEqualByComparingTo(was.get("850440"));
                assertThat(new BigDecimal(c.path("after").asText().replace("\"", ""))).isEqualByComparingTo(now.get("850440"));
                // written as the answer writes it (its scale kept), never through a double
                assertThat(event.path("data").asText()).contains("\"amount\":" + c.path("after").asText());
                assertThat(event.path("previousData").asText()).contains("\"amount\":" + c.path("before").asText());
            });
            assertThat(event.path("previousData").asText()).contains(was.get("850440").stripTrailingZeros().toPlainString());
            assertThat(event.path("data").asText()).contains(now.get("850440").stripTrailingZeros().toPlainString());
            long seq = event.path("sequence").asLong();
            assertThat(jdbc.count("select count(*) from live_event where seq = ? and kind = 'ANSWER_CHANGED'", List.of(seq)))
                    .isEqualTo(1);
        }
    }

    private Map<String, BigDecimal> figures(String source) {
        return BaciRevision.figures(jdbc, source);
    }

    @Test
    void anonymousConnectionsAreCappedPerAddressWithTheProtocolsCodeAndAReasonInWords() throws Exception {
        List<GraphQLWs> open = new ArrayList<>();
        try {
            int cap = 3; // %test.tradeflows.live.anonymous-connections-per-address
            for (int i = 0; i < cap; i++) {
                GraphQLWs ws = GraphQLWs.open(vertx, port(), Map.of());
                open.add(ws);
                assertThat(ws.init(Map.of())).isTrue();
            }
            GraphQLWs refused = GraphQLWs.open(vertx, port(), Map.of());
            open.add(refused);
            assertThat(refused.init(Map.of())).isFalse();
            assertThat(refused.closeCode(WAIT)).isEqualTo(4429);
            assertThat(refused.closeReason()).contains("Too many live connections from your address").contains("3")
                    .doesNotContain("Exception");

            // a key holder is counted by key, not by address
            String key = Keys.create("READER", "live");
            GraphQLWs withKey = GraphQLWs.open(vertx, port(), Map.of());
            open.add(withKey);
            assertThat(withKey.init(Map.of("authorization", "Bearer " + key))).isTrue();

            // a wrong key is refused, in words
            GraphQLWs wrong = GraphQLWs.open(vertx, port(), Map.of());
            open.add(wrong);
            assertThat(wrong.init(Map.of("authorization", "Bearer tf_not-a-key"))).isFalse();
            assertThat(wrong.closeCode(WAIT)).isEqualTo(4403);
            assertThat(wrong.closeReason()).contains("unknown or was revoked");

            // a closed connection frees its place
            open.get(0).close();
            await().atMost(WAIT).untilAsserted(() -> {
                try (GraphQLWs again = GraphQLWs.open(vertx, port(), Map.of())) {
                    assertThat(again.init(Map.of())).isTrue();
                }
            });
        } finally {
            open.forEach(GraphQLWs::close);
        }
    }

    @Test
    void theProtocolIsKeptPingsAreAnsweredAndASocketMeetsTheLimitsOfAPost() throws Exception {
        try (GraphQLWs early = GraphQLWs.open(vertx, port(), Map.of())) {
            early.subscribe("x", RELEASES, null);
            assertThat(early.closeCode(WAIT)).isEqualTo(4401);
        }
        try (GraphQLWs ws = GraphQLWs.connect(vertx, port(), Map.of())) {
            ws.send(Map.of("type", "ping"));
            assertThat(ws.firstOfType("pong", WAIT)).isNotNull();
            // the server pings (every second in tests) and the connection stays open while the client answers
            await().atMost(WAIT).until(() -> ws.pingsAnswered() >= 2);
            assertThat(ws.isClosed()).isFalse();

            // queries go by HTTP
            ws.subscribe("q", "{ currentRelease { key } }", null);
            JsonNode refused = ws.next("q", WAIT);
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.at("/payload/0/extensions/code").asText()).isEqualTo("BAD_REQUEST");
            assertThat(refused.at("/payload/0/message").asText()).contains("POST /graphql");

            // the field limit of a POST holds for a subscription too
            StringBuilder many = new StringBuilder("subscription { releasePublished { ");
            for (int i = 0; i < 2001; i++) {
                many.append("s").append(i).append(": sequence ");
            }
            ws.subscribe("big", many.append("} }").toString(), null);
            JsonNode tooBig = ws.next("big", WAIT);
            assertThat(tooBig.path("type").asText()).isEqualTo("error");
            assertThat(tooBig.at("/payload/0/extensions/code").asText()).isEqualTo("QUERY_TOO_COMPLEX");

            // an unknown persisted query is refused in words
            ws.subscribe("h", "subscription { answerChanged(sha256Hash: \"" + "0".repeat(64) + "\") { sequence } }", null);
            JsonNode unknown = ws.next("h", WAIT);
            assertThat(unknown.path("type").asText()).isEqualTo("error");
            assertThat(unknown.at("/payload/0/extensions/code").asText()).isEqualTo("BAD_USER_INPUT");
            assertThat(unknown.at("/payload/0/message").asText()).contains("no query is registered");

            // an operation id in use closes the connection, as the protocol says
            ws.subscribe("dup", RELEASES, null);
            ws.subscribe("dup", RELEASES, null);
            assertThat(ws.closeCode(WAIT)).isEqualTo(4409);
        }
    }

    @Test
    void sanctionRecordedSendsTheListingsTheFilterTakes() throws Exception {
        String curator = Keys.create("CURATOR", "live-sanctions");
        String companyId = GraphQL.data("{ companies(first: 1) { edges { node { id } } } }").getString("data.companies.edges[0].node.id");
        String sourceId = GraphQL.data("{ sources(first: 1) { edges { node { id } } } }").getString("data.sources.edges[0].node.id");
        try (GraphQLWs ws = GraphQLWs.connect(vertx, port(), Map.of())) {
            long before = hub.subscribers();
            ws.subscribe("s", "subscription { sanctionRecorded(filter: {authorities: [JAPAN]}) { sequence sanction { id "
                    + "authority program company { id } } } }", null);
            awaitSubscribers((int) before + 1);
            for (String authority : List.of("CANADA", "JAPAN")) {
                GraphQL.dataAs(curator, "mutation($i: SanctionInput!) { recordSanction(input: $i) { id } }", Map.of("i",
                        Map.of("companyId", companyId, "authority", authority, "program", "live test " + authority,
                                "listedOn", "2025-01-02", "sourceId", sourceId)));
            }
            JsonNode next = ws.next("s", WAIT);
            assertThat(next).isNotNull();
            JsonNode s = next.at("/payload/data/sanctionRecorded/sanction");
            assertThat(s.path("authority").asText()).isEqualTo("JAPAN");
            assertThat(s.path("program").asText()).isEqualTo("live test JAPAN");
            assertThat(s.at("/company/id").asText()).isEqualTo(companyId);
            long seq = next.at("/payload/data/sanctionRecorded/sequence").asLong();
            assertThat(jdbc.count("select count(*) from live_event e join sanction s on e.subject = s.id::text where "
                    + "e.seq = ? and e.kind = 'SANCTION_RECORDED' and s.authority = 'JAPAN'", List.of(seq))).isEqualTo(1);
            // the CANADA listing, recorded first, was not sent
            assertThat(ws.pending()).noneMatch(m -> m.toString().contains("CANADA"));
        }
    }

    /** Lines of an event stream, read on a thread of their own as they arrive. */
    private static java.util.concurrent.BlockingQueue<String> lines(java.net.http.HttpResponse<java.util.stream.Stream<String>> r) {
        java.util.concurrent.BlockingQueue<String> out = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread t = new Thread(() -> r.body().forEach(out::add));
        t.setDaemon(true);
        t.start();
        return out;
    }

    /** The id and data of the next "next" event of the stream. */
    private static String[] nextEvent(java.util.concurrent.BlockingQueue<String> lines) throws InterruptedException {
        String id = null;
        boolean next = false;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.equals("event: next")) {
                next = true;
            } else if (next && line.startsWith("data: ")) {
                return new String[] {id, line.substring(6)};
            } else if (line.isEmpty()) {
                id = null;
                next = false;
            }
        }
        return null;
    }

    @Test
    void serverSentEventsCarryTheSameEventsAndResumeFromLastEventId() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String url = "http://localhost:" + port() + "/graphql/stream?query="
                + java.net.URLEncoder.encode(RELEASES, StandardCharsets.UTF_8);
        int before = hub.subscribers();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Accept", "text/event-stream").build(), java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        var lines = lines(response);
        awaitSubscribers(before + 1);
        String keyA = load("test-live-sse-a", BaciRevision.FIRST);
        String[] first = nextEvent(lines);
        assertThat(first).isNotNull();
        assertThat(first[1]).contains(keyA);
        assertThat(Long.parseLong(first[0])).isEqualTo(releaseSeq(keyA));
        response.body().close();

        String keyB = load("test-live-sse-b", BaciRevision.FIRST);
        long seqB = releaseSeq(keyB);
        var again = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Last-Event-ID", first[0])
                .build(), java.net.http.HttpResponse.BodyHandlers.ofLines());
        String[] missed = nextEvent(lines(again));
        assertThat(missed).as("the event missed while away").isNotNull();
        assertThat(missed[1]).contains(keyB);
        assertThat(Long.parseLong(missed[0])).isEqualTo(seqB);
        again.body().close();

        var query = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port()
                + "/graphql/stream?query=" + java.net.URLEncoder.encode("{ currentRelease { key } }", StandardCharsets.UTF_8)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.body()).contains("BAD_REQUEST").contains("subscriptions only");
    }
}
