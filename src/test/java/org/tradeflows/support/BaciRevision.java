package org.tradeflows.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A release and the release that revises it: two BACI files of one test source (China's exports to Russia of two HS6
 * goods in 2021, fictional values), the second changing one figure, each loaded as the source's whole content.
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
}
