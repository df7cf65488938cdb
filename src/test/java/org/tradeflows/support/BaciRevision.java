package org.tradeflows.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tradeflows.store.Jdbc;

/**
 * A release and the release that revises it: two BACI files of one test source (China's exports to Russia of two HS6
 * goods in 2021, fictional values), the second changing one figure, each loaded as the source's whole content; and,
 * read by SQL, the release event a load made and the source's current figures (how the tests of permalinks,
 * answerChanged and webhooks move an answer and check it moved).
 */
public final class BaciRevision {

    public static final String FIRST = """
            t,i,j,k,v,q
            2021,156,643,840710,100.000,1
            2021,156,643,850440,200.000,2
            """;
    /** 850440 revised. */
    public static final String REVISED = """
            t,i,j,k,v,q
            2021,156,643,840710,100.000,1
            2021,156,643,850440,275.000,2
            """;

    private BaciRevision() {
    }

    /** Loads the file as everything the source holds (replace=true); answers the load's report (releaseKey…). */
    public static JsonPath load(String source, String file) {
        Map<String, Object> params = new LinkedHashMap<>(Uploads.source(source));
        params.put("replace", true);
        JsonPath report = Uploads.upload("baci", file.getBytes(StandardCharsets.UTF_8), params, 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        return report;
    }

    /** The sequence number of the release event of the release with this key, once it is recorded. */
    public static long releaseSeq(Jdbc jdbc, String key, Duration wait) {
        String from = "from live_event e join data_release r on e.kind = 'RELEASE_PUBLISHED' and e.subject = r.id::text where r.key = ?";
        await().atMost(wait).until(() -> jdbc.count("select count(*) " + from, List.of(key)) == 1);
        return jdbc.count("select e.seq " + from, List.of(key));
    }

    /** product code → value of the source's current rows. */
    public static Map<String, BigDecimal> figures(Jdbc jdbc, String source) {
        Map<String, BigDecimal> out = new TreeMap<>();
        jdbc.list("select t.product_code, t.value from trade_volume t join source s on s.id = t.source_id where s.key = ?",
                List.of(source), rs -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
