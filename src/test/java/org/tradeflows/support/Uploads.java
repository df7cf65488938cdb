package org.tradeflows.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tradeflows.store.Jdbc;

/** Uploads files to the ingest endpoint as a curator would, and snapshots table counts to prove nothing changed. */
public final class Uploads {

    public static final String ADMIN_KEY = "test-admin-key";
    public static final Path EXAMPLES = Path.of("src", "test", "resources", "ingest");
    private static final List<String> TABLES = List.of("source", "data_release", "company", "company_alias",
            "company_identifier", "sanction", "exchange_rate", "shipment", "shipment_intermediary", "trade_volume");

    private Uploads() {
    }

    public static byte[] example(String name) {
        try {
            return Files.readAllBytes(EXAMPLES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POST /ingest/{format} with the admin key; {@code params} are query parameters. */
    public static Response post(String format, byte[] body, Map<String, ?> params) {
        RequestSpecification spec = given().header("Authorization", "Bearer " + ADMIN_KEY).contentType("text/csv")
                .body(body);
        params.forEach(spec::queryParam);
        return spec.when().post("/ingest/" + format);
    }

    /** Uploads and checks the HTTP status; gives the JSON report. */
    public static JsonPath upload(String format, byte[] body, Map<String, ?> params, int status) {
        return post(format, body, params).then().statusCode(status).extract().jsonPath();
    }

    /** Query parameters naming a new source for a test, so that what it loads is its own. */
    public static Map<String, Object> source(String key) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", key);
        p.put("sourceTitle", "Test source " + key + " (fictional data)");
        return p;
    }

    public static Map<String, Long> counts(Jdbc jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.count("select count(*) from " + table, List.of()));
        }
        return counts;
    }

    /** The counters of the id sequences: a load that changes nothing must not consume ids either. */
    public static Map<String, Long> sequences(Jdbc jdbc) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String table : List.of("company", "company_alias", "company_identifier", "sanction", "shipment",
                "trade_volume", "data_release", "source")) {
            values.put(table, jdbc.count("select last_value from " + table + "_id_seq", List.of()));
        }
        return values;
    }

    public static long shipments(Jdbc jdbc, String sourceKey) {
        return jdbc.count("select count(*) from shipment s join source so on so.id = s.source_id where so.key = ?",
                List.of(sourceKey));
    }
}
