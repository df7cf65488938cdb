package org.tradeflows.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.api.live.LiveHub;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.GraphQLWs;
import org.tradeflows.support.Keys;

/**
 * correctionRecorded, the authenticated subscription of curator events, over graphql-transport-ws: refused to an
 * anonymous socket (UNAUTHENTICATED) and to a reader's (FORBIDDEN) with the code and words, and sent to a curator's,
 * keyed in connection_init, when another curator's correction commits, with its audit entry.
 */
@QuarkusTest
class CorrectionEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CORRECTIONS = "subscription { correctionRecorded { sequence at entry { id action actor recordType after } } }";

    @Inject
    Vertx vertx;
    @Inject
    LiveHub hub;
    @Inject
    Jdbc jdbc;
    @TestHTTPResource("/")
    URL server;

    @Test
    void anAnonymousSocketIsRefusedWithACodeAndAReaderIsForbidden() throws Exception {
        try (GraphQLWs anonymous = GraphQLWs.connect(vertx, server.getPort(), Map.of())) {
            anonymous.subscribe("c", CORRECTIONS, null);
            JsonNode refused = anonymous.next("c", WAIT);
            assertThat(refused).isNotNull();
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.at("/payload/0/extensions/code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(refused.at("/payload/0/message").asText()).contains("curator's or admin's API key")
                    .contains("connection_init").doesNotContain("Exception");
        }
        String reader = Keys.create("READER", "corrections reader");
        try (GraphQLWs withReader = GraphQLWs.connect(vertx, server.getPort(), Map.of("authorization", "Bearer " + reader))) {
            withReader.subscribe("c", CORRECTIONS, null);
            JsonNode refused = withReader.next("c", WAIT);
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.at("/payload/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
            assertThat(refused.at("/payload/0/message").asText()).contains("READER");
        }
    }

    @Test
    void aCuratorsSocketIsSentEveryCorrectionWithItsAuditEntry() throws Exception {
        String curator = Keys.create("CURATOR", "corrections watcher");
        String other = Keys.create("CURATOR", "corrections maker");
        int before = hub.subscribers();
        try (GraphQLWs ws = GraphQLWs.connect(vertx, server.getPort(), Map.of("authorization", "Bearer " + curator))) {
            ws.subscribe("c", CORRECTIONS, null);
            await().atMost(WAIT).until(() -> hub.subscribers() >= before + 1);
            String key = "test-correction-event-" + System.nanoTime();
            String sourceId = GraphQL.dataAs(other, "mutation($i: SourceInput!) { createSource(input: $i) { id } }",
                    Map.of("i", Map.of("key", key, "title", "Test source (fictional)", "kind", "SANCTIONS_LIST",
                            "citation", "Fictional list for a test", "url", "https://www.example.org/"))).getString("data.createSource.id");
            JsonNode next = ws.next("c", WAIT);
            assertThat(next).as("a correctionRecorded after createSource").isNotNull();
            assertThat(next.path("type").asText()).isEqualTo("next");
            JsonNode event = next.at("/payload/data/correctionRecorded");
            assertThat(event.at("/entry/action").asText()).isEqualTo("CREATE_SOURCE");
            assertThat(event.at("/entry/recordType").asText()).isEqualTo("Source");
            assertThat(event.at("/entry/actor").asText()).contains("corrections maker");
            assertThat(event.at("/entry/after").asText()).contains(key);
            long seq = jdbc.count("select e.seq from live_event e join audit_entry a on e.subject = a.id::text "
                    + "where e.kind = 'CORRECTION_RECORDED' and a.action = 'CREATE_SOURCE' and a.after->>'key' = ?", List.of(key));
            assertThat(event.path("sequence").asLong()).isEqualTo(seq).isPositive();
            assertThat(sourceId).isNotBlank();
        }
    }
}
