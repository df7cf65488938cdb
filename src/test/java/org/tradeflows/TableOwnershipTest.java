package org.tradeflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What ArchUnit cannot see, because it lives in text: which file writes which table (one owner per table, README
 * "Layout"), fully qualified names of our own classes outside imports, @ConfigProperty outside its allowed places,
 * and class names written in test strings. Violations still being fixed are in KNOWN_TODAY, which only shrinks.
 * Re-recording it after a merge is one command, which writes the lines to paste into KNOWN_TODAY:
 * <pre>
 * mvn test -Dtest=TableOwnershipTest -Dknown-today.write=target/known-today.txt
 * </pre>
 */
class TableOwnershipTest {

    static final Path MAIN = Path.of("src/main/java/org/tradeflows");
    static final Path TEST = Path.of("src/test/java/org/tradeflows");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    static final Set<String> COMPANY = Set.of("store/CompanyStore.java", "store/CompanyBulkWriter.java");
    static final Set<String> SHIPMENT = Set.of("store/ShipmentStore.java", "store/ShipmentStaging.java");
    static final Set<String> FINDING = Set.of("store/FindingStore.java");

    /** Table → the files that may write it; the rollups and data_version are written by triggers only. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("company", COMPANY), Map.entry("company_alias", COMPANY), Map.entry("company_identifier", COMPANY),
            Map.entry("ownership", COMPANY),
            Map.entry("sanction", Set.of("store/SanctionStore.java")),
            Map.entry("source", Set.of("store/SourceStore.java")),
            Map.entry("shipment", SHIPMENT), Map.entry("shipment_intermediary", SHIPMENT),
            Map.entry("trade_volume", Set.of("store/TradeVolumeStore.java", "store/TradeVolumeStaging.java")),
            Map.entry("trade_volume_history", Set.of("store/TradeVolumeHistoryStore.java")),
            Map.entry("sanction_history", Set.of("store/CompanyDataHistoryStore.java")),
            Map.entry("shipment_history", Set.of("store/CompanyDataHistoryStore.java")),
            Map.entry("finding", FINDING), Map.entry("finding_amount", FINDING), Map.entry("finding_company", FINDING),
            Map.entry("finding_country", FINDING), Map.entry("finding_goods", FINDING), Map.entry("finding_product", FINDING),
            Map.entry("data_release", Set.of("store/ReleaseStore.java")),
            Map.entry("exchange_rate", Set.of("store/ExchangeRateStore.java")),
            Map.entry("country", Set.of("store/CountryStore.java")),
            Map.entry("product_category", Set.of("store/ProductStore.java")),
            Map.entry("chpl_entry", Set.of("store/ProductStore.java")),
            Map.entry("topic", Set.of("store/TopicStore.java")), Map.entry("topic_product", Set.of("store/TopicStore.java")),
            Map.entry("api_key", Set.of("store/ApiKeyStore.java")),
            Map.entry("audit_entry", Set.of("store/AuditStore.java")),
            Map.entry("fetch_run", Set.of("store/FetchRunStore.java")),
            Map.entry("comtrade_call", Set.of("store/ComtradeCallStore.java")),
            Map.entry("persisted_query", Set.of("store/PersistedQueryStore.java")),
            // live_outbox is filled by triggers on data_release and sanction (V27) and emptied by its store
            Map.entry("live_outbox", Set.of("store/LiveEventStore.java")),
            Map.entry("live_event", Set.of("store/LiveEventStore.java")),
            Map.entry("live_answer", Set.of("store/LiveEventStore.java")),
            // webhook_delivery rows are made by a trigger on live_event (V29), sent and recorded by their store
            Map.entry("webhook", Set.of("store/WebhookStore.java")),
            Map.entry("webhook_delivery", Set.of("store/WebhookStore.java")),
            Map.entry("webhook_attempt", Set.of("store/WebhookStore.java")),
            Map.entry("flow_rollup_month", Set.of()), Map.entry("flow_rollup_year", Set.of()),
            Map.entry("company_rollup_year", Set.of()), Map.entry("data_version", Set.of()));

    /**
     * The files allowed @ConfigProperty: Quarkus's own max-body-size, which always has a value; and tradeflows.admin-key,
     * since a mapping of the root prefix `tradeflows` makes Quarkus refuse every tradeflows key no mapping reads
     * (tradeflows.graphql.engine-setup is SmallRye's switch).
     */
    static final Set<String> CONFIG_PROPERTY_ALLOWED = Set.of("api/engine/GraphQLEndpoint.java",
            "security/ApiKeyIdentityProvider.java");

    /**
     * Violations left today, as "file: what" without line numbers (so edits nearby do not matter). A work package
     * deletes the lines it fixes; never add one. Filled once from this test's own failure message after the moves.
     */
    static final Set<String> KNOWN_TODAY = Set.of();

    static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(\\w+)");
    static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(insert\\s+into|update|delete\\s+from|copy|truncate(?:\\s+table)?)\\s+([a-z_][a-z0-9_]*)\\b");
    static final Pattern OUR_NAME = Pattern.compile("org\\.tradeflows\\.[A-Za-z0-9_.]*[A-Za-z0-9_]");

    @Test
    void everyTableHasAnOwnerAndOnlyItsOwnerWritesIt() {
        Set<String> tables = tables();
        assertThat(tables).as("tables without an entry in OWNERS: give a new table its owner")
                .isSubsetOf(OWNERS.keySet());
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            String name = relative(file);
            Matcher m = WRITE.matcher(read(file));
            while (m.find()) {
                String table = m.group(2).toLowerCase();
                if (tables.contains(table) && !OWNERS.get(table).contains(name)) {
                    String what = m.group(1).toLowerCase().replaceAll("\\s+", " ") + " " + table;
                    found.add(name + ": writes with " + what + " (owner: " + String.join(" or ", new TreeSet<>(OWNERS.get(table))) + ")");
                }
            }
        }
        assertAsKnown("writes", found);
    }

    @Test
    void ourClassesAreImportedNotNamedInFull() {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            for (String line : read(file).split("\n", -1)) {
                String t = line.strip();
                if (!t.startsWith("import ") && !t.startsWith("package ") && OUR_NAME.matcher(t).find()) {
                    found.add(relative(file) + ": full name " + t);
                }
            }
        }
        assertAsKnown("full name", found);
    }

    @Test
    void configurationIsReadThroughTheMappings() {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            if (read(file).contains("@ConfigProperty") && !CONFIG_PROPERTY_ALLOWED.contains(relative(file))) {
                found.add(relative(file) + ": @ConfigProperty (use a config/ mapping)");
            }
        }
        assertAsKnown("@ConfigProperty", found);
    }

    /** A test that names one of our classes in a string (LoadCommandKillTest starts a JVM on one) names one that exists. */
    @Test
    void classNamesInTestStringsExist() {
        List<String> missing = new ArrayList<>();
        Pattern quoted = Pattern.compile("\"(org\\.tradeflows\\.[A-Za-z0-9_.$]*[A-Za-z0-9_$])\""); // not package patterns ("x..")
        for (Path file : javaFiles(TEST)) {
            Matcher m = quoted.matcher(read(file));
            while (m.find()) {
                try {
                    Class.forName(m.group(1), false, getClass().getClassLoader());
                } catch (ClassNotFoundException e) {
                    missing.add(relative(file) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Fails on a violation not in KNOWN_TODAY, and on a KNOWN_TODAY line of this check that no longer occurs. */
    static void assertAsKnown(String check, List<String> found) {
        String write = System.getProperty("known-today.write");
        if (write != null) {
            writeKnown(Path.of(write), found);
        }
        assertThat(found.stream().filter(f -> !KNOWN_TODAY.contains(f)).toList()).as("new violations").isEmpty();
        assertThat(KNOWN_TODAY.stream().filter(k -> k.contains(": " + check) && !found.contains(k)).toList())
                .as("fixed: delete these lines from KNOWN_TODAY").isEmpty();
    }

    /** Appends the lines as Java string literals, ready for KNOWN_TODAY (the re-freeze after a merge). */
    static synchronized void writeKnown(Path file, List<String> found) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            List<String> literals = found.stream()
                    .map(f -> "            \"" + f.replace("\\", "\\\\").replace("\"", "\\\"") + "\",").toList();
            Files.write(file, literals, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> tables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(f -> f.getFileName().toString().startsWith("V")).forEach(f -> {
                Matcher m = CREATE_TABLE.matcher(read(f));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path file) {
        Path root = file.startsWith(MAIN) ? MAIN : TEST;
        return root.relativize(file).toString().replace('\\', '/');
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
