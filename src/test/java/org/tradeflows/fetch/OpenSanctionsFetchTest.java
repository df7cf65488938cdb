package org.tradeflows.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeflows.fetch.cli.FetchCommand;
import org.tradeflows.support.DatabaseTestResource;
import org.tradeflows.support.FilePublisher;

/**
 * The OpenSanctions connector against data.opensanctions.org replayed on loopback: the dataset's index.json names
 * its version and exports; targets.simple.csv is loaded only when the version changed. The targets are fabricated
 * in OpenSanctions' layout (their data is CC BY-NC and never shipped). Steps build on each other, in order.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSanctionsFetchTest {

    static final FilePublisher PUBLISHER = new FilePublisher();
    static final String HEADER = "\"id\",\"schema\",\"name\",\"aliases\",\"birth_date\",\"countries\",\"addresses\","
            + "\"identifiers\",\"sanctions\",\"phones\",\"emails\",\"dataset\",\"first_seen\",\"last_seen\",\"last_change\"\n";
    static final String V1 = HEADER
            + "\"H7-fict-c1\",\"Company\",\"Fictional Rotor Works LLC\",\"Fictional Rotor\",\"\",\"ru\",\"\",\"\","
            + "\"Council Regulation (EU) 269/2014 - 2024-02-23;RUSSIA-EO14024 - 2023-05-19\",\"\",\"\","
            + "\"EU Financial Sanctions Files (FSF);US OFAC Specially Designated Nationals (SDN) List\","
            + "\"2023-05-20T00:00:00\",\"2024-06-01T00:00:00\",\"2024-02-24T00:00:00\"\n"
            + "\"H7-fict-c2\",\"Organization\",\"Fictional Avionics Bureau\",\"\",\"\",\"ru\",\"\",\"\","
            + "\"Entity List - 2023-02-24\",\"\",\"\",\"US BIS Entity List\",\"2023-03-01T00:00:00\","
            + "\"2024-06-01T00:00:00\",\"2023-03-01T00:00:00\"\n"
            + "\"H7-fict-p1\",\"Person\",\"Pyotr Fictionalov\",\"\",\"1970-01-01\",\"ru\",\"\",\"\","
            + "\"RUSSIA-EO14024 - 2023-05-19\",\"\",\"\",\"US OFAC Specially Designated Nationals (SDN) List\","
            + "\"2023-05-20T00:00:00\",\"2024-06-01T00:00:00\",\"2024-02-24T00:00:00\"\n";
    static final String V2 = V1
            + "\"H7-fict-c3\",\"LegalEntity\",\"Fictional Gyro Trading FZE\",\"\",\"\",\"ae\",\"\",\"\","
            + "\"RUS - 2024-05-19\",\"\",\"\",\"UK HMT/OFSI Consolidated List of Targets\",\"2024-05-20T00:00:00\","
            + "\"2024-06-01T00:00:00\",\"2024-05-20T00:00:00\"\n";

    @Inject
    AgroalDataSource ds;

    @AfterAll
    static void stop() {
        PUBLISHER.close();
    }

    static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The dataset's index.json in OpenSanctions' layout, naming its targets.simple.csv of this version. */
    static void publish(String version, String csv, boolean cut, String checksum) throws Exception {
        String file = "/datasets/" + version + "/sanctions/targets.simple.csv";
        PUBLISHER.publish(file, csv.getBytes(StandardCharsets.UTF_8), "text/csv", cut);
        PUBLISHER.publish("/datasets/latest/sanctions/index.json", """
                {"name": "sanctions", "title": "Consolidated Sanctions", "type": "collection",
                 "version": "%s", "last_change": "2024-06-01T00:00:00", "updated_at": "2024-06-01T06:00:00",
                 "resources": [
                   {"name": "entities.ftm.json", "url": "%s/datasets/%s/sanctions/entities.ftm.json",
                    "checksum": "0000000000000000000000000000000000000000", "mime_type": "application/json"},
                   {"name": "targets.simple.csv", "url": "%s%s", "checksum": "%s", "mime_type": "text/csv",
                    "size": %d, "title": "Targets as simplified CSV"}]}
                """.formatted(version, PUBLISHER.base(), version, PUBLISHER.base(), file,
                checksum != null ? checksum : sha1(csv), csv.length()), "application/json");
    }

    int fetch(String... args) {
        List<String> all = new ArrayList<>(List.of("opensanctions", "--url", PUBLISHER.base() + "/datasets/latest/"));
        all.addAll(List.of(args));
        all.addAll(List.of("--no-progress", "--db-url", DatabaseTestResource.URL));
        return FetchCommand.run(all.toArray(String[]::new));
    }

    List<String> list(String sql, Object... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    String one(String sql, Object... params) throws Exception {
        List<String> l = list(sql, params);
        return l.isEmpty() ? null : l.get(0);
    }

    String lastRun(String column) throws Exception {
        return one("select " + column + " from fetch_run where source = 'opensanctions' order by id desc limit 1");
    }

    /** Per fabricated target of the company schemas: its id and its programs, read from the file itself. */
    static TreeMap<String, TreeSet<String>> expected(String csv) {
        TreeMap<String, TreeSet<String>> out = new TreeMap<>();
        for (String line : csv.split("\n")) {
            String[] f = line.substring(1, line.length() - 1).split("\",\"", -1);
            if (!f[0].startsWith("H7-") || f[1].equals("Person")) {
                continue;
            }
            TreeSet<String> programs = new TreeSet<>();
            for (String s : f[8].split(";")) {
                programs.add(s.substring(0, s.lastIndexOf(" - ")) + " " + s.substring(s.lastIndexOf(" - ") + 3));
            }
            out.put(f[0], programs);
        }
        return out;
    }

    TreeMap<String, TreeSet<String>> loaded() throws Exception {
        TreeMap<String, TreeSet<String>> out = new TreeMap<>();
        for (String row : list("""
                select i.value || '|' || coalesce(s.program, '') || ' ' || coalesce(s.listed_on::text, '')
                from company_identifier i left join sanction s on s.company_id = i.company_id
                where i.scheme = 'OPENSANCTIONS' and i.value like 'H7-fict-%'""")) {
            String[] p = row.split("\\|", 2);
            out.computeIfAbsent(p[0], k -> new TreeSet<>()).add(p[1]);
        }
        return out;
    }

    long releases() throws Exception {
        return Long.parseLong(one("select count(*) from data_release"));
    }

    @Test
    @Order(1)
    void aDryRunReadsTheExportAndWritesNothing() throws Exception {
        publish("20240601060000-aaa", V1, false, null);
        long releases = releases();

        assertThat(fetch("--dry-run")).isZero();

        assertThat(lastRun("state")).isEqualTo("SUCCEEDED");
        assertThat(lastRun("rows_read")).isEqualTo("3");
        assertThat(releases()).isEqualTo(releases);
        assertThat(loaded()).isEmpty();
    }

    @Test
    @Order(2)
    void theLatestVersionIsLoadedWithItsProvenance() throws Exception {
        assertThat(fetch()).isZero();

        assertThat(lastRun("state")).isEqualTo("SUCCEEDED");
        assertThat(loaded()).isEqualTo(expected(V1)).hasSize(2);
        String release = lastRun("release_id");
        assertThat(one("select kind || '|' || publisher || '|' || upstream_version || '|' || url || '|' || licence || '|' "
                + "|| fetch_filter from data_release where id = ?::bigint", release)).isEqualTo("FETCH|"
                + "OpenSanctions Datenbanken GmbH|20240601060000-aaa|" + PUBLISHER.base()
                + "/datasets/20240601060000-aaa/sanctions/targets.simple.csv|CC BY-NC 4.0 (commercial use requires a licence "
                + "from OpenSanctions)|dataset=sanctions;resource=targets.simple.csv");
        assertThat(one("select citation from data_release where id = ?::bigint", release)).contains("OpenSanctions",
                "20240601060000-aaa");
    }

    @Test
    @Order(3)
    void anUnchangedVersionIsNotDownloaded() throws Exception {
        int before = PUBLISHER.requests().size();
        long releases = releases();

        assertThat(fetch()).isZero();

        assertThat(lastRun("state")).isEqualTo("SKIPPED_UNCHANGED");
        assertThat(PUBLISHER.requests().subList(before, PUBLISHER.requests().size()))
                .containsExactly("/datasets/latest/sanctions/index.json");
        assertThat(releases()).isEqualTo(releases);
    }

    @Test
    @Order(4)
    void aCutDownloadOrAWrongChecksumFailsAndLoadsNothing() throws Exception {
        TreeMap<String, TreeSet<String>> before = loaded();
        long releases = releases();

        publish("20240701060000-bbb", V2, true, null);
        assertThat(fetch()).isEqualTo(1);
        assertThat(lastRun("state")).isEqualTo("FAILED");
        assertThat(lastRun("error_code")).isEqualTo("DOWNLOAD_FAILED");
        assertThat(lastRun("error_message")).contains("broke off").doesNotContain("Exception");

        publish("20240701060000-bbb", V2, false, "1111111111111111111111111111111111111111");
        assertThat(fetch()).isEqualTo(1);
        assertThat(lastRun("error_code")).isEqualTo("CORRUPT_ARCHIVE");
        assertThat(lastRun("error_message")).contains("checksum");

        assertThat(loaded()).isEqualTo(before);
        assertThat(releases()).isEqualTo(releases);
    }

    @Test
    @Order(5)
    void aChangedVersionIsANewReleaseMatchedOntoTheSameCompanies() throws Exception {
        List<String> companies = list("select company_id::text from company_identifier where scheme = 'OPENSANCTIONS' "
                + "and value in ('H7-fict-c1', 'H7-fict-c2') order by value");
        String oldRelease = lastRelease();
        publish("20240701060000-bbb", V2, false, null);

        assertThat(fetch()).isZero();

        assertThat(lastRun("state")).isEqualTo("SUCCEEDED");
        assertThat(lastRun("upstream_version")).isEqualTo("20240701060000-bbb");
        assertThat(lastRelease()).isNotEqualTo(oldRelease);
        assertThat(loaded()).isEqualTo(expected(V2)).hasSize(3);
        assertThat(list("select company_id::text from company_identifier where scheme = 'OPENSANCTIONS' "
                + "and value in ('H7-fict-c1', 'H7-fict-c2') order by value")).isEqualTo(companies);
        assertThat(one("select count(*) from data_release where id = ?::bigint", oldRelease)).isEqualTo("1");
    }

    String lastRelease() throws Exception {
        return one("select release_id from fetch_run where source = 'opensanctions' and release_id is not null "
                + "order by id desc limit 1");
    }

    @Test
    @Order(6)
    void anUnknownDatasetIsNotPublished() throws Exception {
        assertThat(fetch("--dataset", "no_such_dataset")).isEqualTo(1);
        assertThat(lastRun("error_code")).isEqualTo("VERSION_NOT_PUBLISHED");
        assertThat(lastRun("filter")).endsWith(";dataset=no_such_dataset");
        assertThat(fetch("--dataset", "bad name!")).isEqualTo(2);

        // the same check through the API, before any download
        var refused = org.tradeflows.support.GraphQL.postAs(org.tradeflows.support.Keys.ADMIN, """
                mutation { startFetch(source: "opensanctions", dataset: "bad name!", wait: true) { id state } }""", null);
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).contains("dataset: 'bad name!'");
    }
}
