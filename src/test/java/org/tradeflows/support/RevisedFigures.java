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
 * How the tests of permalinks, answerChanged and webhooks move an answer: two BACI files of a fictional source, the
 * second revising one figure (850440: 200 to 275), loaded through the upload endpoint; and, read by SQL, the release
 * event a load made and the source's current figures.
 */
public final class RevisedFigures {

    public static final String FILE_A = """
            t,i,j,k,v,q
            2021,156,643,840710,100.000,1
            2021,156,643,850440,200.000,2
            """;
    /** 850440 revised. */
    public static final String FILE_B = """
            t,i,j,k,v,q
            2021,156,643,840710,100.000,1
            2021,156,643,850440,275.000,2
            """;

    private RevisedFigures() {
    }

    /** Loads the file as the whole of the source (replace), and gives the upload's report. */
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
