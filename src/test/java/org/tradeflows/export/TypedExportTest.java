package org.tradeflows.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Processes;
import org.tradeflows.support.SyntheticData;

/**
 * Parquet and Arrow exports read back by pyarrow — an implementation independent of the service's writers — and
 * compared with SQL: every row, exact decimal sums, codes as strings with their leading zeros, dates as dates,
 * booleans as booleans, the release and the sources' citations in the file's metadata, more than one Arrow batch.
 * pyarrow is installed into target/ from the machine's package index when Python lacks it.
 */
@QuarkusTest
class TypedExportTest {

    static final String NAME = "typed-export";
    static final String SOURCE = "synthetic-" + NAME;
    static final int ROWS = 9_000; // more than one Arrow batch (8192)
    static final String FILTER = "{\"sources\":[\"" + SOURCE + "\"],\"includeSynthetic\":true}";
    static final Path WORK = Path.of("target", "typed-exports");
    static final Path PYLIB = Path.of("target", "pylib").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeAll
    static void pyarrow() throws Exception {
        Files.createDirectories(WORK);
        if (python(List.of("python3", "-c", "import pyarrow")).exit() != 0) {
            Processes.Ran install = python(List.of("python3", "-m", "pip", "install", "--quiet", "--target", PYLIB.toString(),
                    "pyarrow"));
            assertThat(install.exit()).as("pip install pyarrow: %s", install.output()).isZero();
        }
    }

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, NAME, 77, 60, ROWS);
    }

    private static Processes.Ran python(List<String> command) throws Exception {
        return Processes.run(command, Map.of("PYTHONPATH", PYLIB.toString()), Path.of(""));
    }

    private Path download(String path, String file, String mediaType) throws Exception {
        byte[] body = given().queryParam("filter", FILTER).when().get(path).then().statusCode(200)
                .header("Content-Type", mediaType)
                .extract().asByteArray();
        Path target = WORK.resolve(file);
        Files.write(target, body);
        return target;
    }

    private JsonNode read(String kind, Path file) throws Exception {
        Processes.Ran r = python(List.of("python3", Path.of("src/test/resources/exports/read_typed.py").toString(), kind,
                file.toString()));
        assertThat(r.exit()).as("pyarrow reading %s: %s", file, r.output()).isZero();
        return JSON.readTree(r.output().lines().reduce((a, b) -> b).orElseThrow());
    }

    private String sql(String expression) {
        return jdbc.one("select (" + expression + ")::text from shipment s join source x on x.id = s.source_id "
                + "where x.key = ?", List.of(SOURCE), rs -> rs.getString(1)).orElseThrow();
    }

    private List<String> hsCodes() {
        return jdbc.list("select distinct s.hs_code from shipment s join source x on x.id = s.source_id where x.key = ? "
                + "order by 1", List.of(SOURCE), rs -> rs.getString(1));
    }

    private void checkShipments(JsonNode file) {
        assertThat(file.get("rows").asLong()).isEqualTo(ROWS);
        assertThat(file.get("ids").asLong()).isEqualTo(ROWS);
        assertThat(file.at("/types/hs_code").asText()).isEqualTo("string");
        assertThat(file.at("/types/value").asText()).isEqualTo("decimal128(20, 2)");
        assertThat(file.at("/types/value_eur").asText()).isEqualTo("decimal128(20, 2)");
        assertThat(file.at("/types/period_start").asText()).isEqualTo("date32[day]");
        assertThat(file.at("/types/synthetic").asText()).isEqualTo("bool");
        assertThat(new BigDecimal(file.at("/sums/value").asText())).isEqualByComparingTo(sql("sum(s.value)"));
        assertThat(new BigDecimal(file.at("/sums/value_eur").asText())).isEqualByComparingTo(sql("coalesce(sum(s.value_eur), 0)"));
        List<String> codes = new ArrayList<>();
        file.get("hs_code").forEach(c -> codes.add(c.asText()));
        assertThat(codes).isEqualTo(hsCodes());
        assertThat(file.get("synthetic").toString()).isEqualTo("[true]");
        assertThat(file.at("/period_start/0").asText()).isEqualTo(sql("min(s.period_start)"));
        assertThat(file.at("/period_start/1").asText()).isEqualTo(sql("max(s.period_start)"));
        String release = jdbc.one("select key from data_release where not synthetic order by id desc limit 1", List.of(),
                rs -> rs.getString(1)).orElse("none");
        assertThat(file.at("/metadata/tradeflows.release").asText()).isEqualTo(release);
        assertThat(file.at("/metadata/tradeflows.export").asText()).isEqualTo("shipments");
        assertThat(file.at("/metadata/tradeflows.filter").asText()).isEqualTo(FILTER);
    }

    @Test
    void parquetShipmentsAreTypedCompleteAndCiteTheirSources() throws Exception {
        JsonNode file = read("parquet", download("/export/shipments.parquet", "shipments.parquet",
                "application/vnd.apache.parquet"));
        checkShipments(file);
        String citation = jdbc.one("select citation from source where key = ?", List.of(SOURCE), rs -> rs.getString(1))
                .orElseThrow();
        assertThat(file.at("/metadata/tradeflows.sources").asText()).isEqualTo(SOURCE + ": " + citation);
        JsonNode columns = JSON.readTree(file.at("/metadata/tradeflows.columns").asText());
        List<String> names = new ArrayList<>();
        columns.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(org.tradeflows.store.ExportSql.SHIPMENT_COLUMNS);
        assertThat(columns.get("value_eur").asText()).startsWith("Value in euros");
    }

    @Test
    void arrowShipmentsStreamInSeveralBatchesWithFieldDescriptions() throws Exception {
        JsonNode file = read("arrow", download("/export/shipments.arrow", "shipments.arrow",
                "application/vnd.apache.arrow.stream"));
        checkShipments(file);
        assertThat(file.get("batches").asInt()).isEqualTo((ROWS + ArrowSink.BATCH_ROWS - 1) / ArrowSink.BATCH_ROWS);
        assertThat(file.at("/field_descriptions/hs_code").asText()).startsWith("Harmonized System code");
    }

    @Test
    void parquetFlowsKeepTheScaleOfTheirSumsAndShares() throws Exception {
        byte[] body = given().queryParam("filter", FILTER).queryParam("groupBy", "HS2,YEAR")
                .when().get("/export/flows.parquet").then().statusCode(200).extract().asByteArray();
        Path target = WORK.resolve("flows.parquet");
        Files.write(target, body);
        JsonNode file = read("parquet", target);
        long groups = jdbc.count("select count(*) from (select distinct s.hs2, extract(year from s.period_start) "
                + "from shipment s join source x on x.id = s.source_id where x.key = ?) g", List.of(SOURCE));
        assertThat(file.get("rows").asLong()).isEqualTo(groups);
        assertThat(file.at("/types/hs2").asText()).isEqualTo("string");
        assertThat(file.at("/types/year").asText()).isEqualTo("int32");
        assertThat(file.at("/types/value_eur").asText()).isEqualTo("decimal128(38, 2)");
        assertThat(file.at("/types/share_of_total").asText()).isEqualTo("decimal128(38, 20)");
        assertThat(new BigDecimal(file.at("/sums/value_eur").asText())).isEqualByComparingTo(sql("coalesce(sum(s.value_eur), 0)"));
        assertThat(new BigDecimal(file.at("/sums/share_of_total").asText()).subtract(BigDecimal.ONE).abs())
                .isLessThan(new BigDecimal("1e-15"));
        assertThat(file.at("/metadata/tradeflows.groupBy").asText()).isEqualTo("HS2,YEAR");
    }

    @Test
    void csvWritesBooleansAsTrueAndFalse() {
        String csv = given().queryParam("filter", FILTER).when().get("/export/shipments.csv").then().statusCode(200)
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).endsWith(",synthetic");
        assertThat(lines.subList(1, lines.size())).hasSize(ROWS).allSatisfy(l -> assertThat(l).endsWith(",true"));
    }

    @Test
    void anUnknownFormatNamesTheFourFormats() {
        given().when().get("/export/shipments.xlsx").then().statusCode(404)
                .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("NOT_FOUND"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("csv, ndjson, parquet or arrow"));
    }
}
