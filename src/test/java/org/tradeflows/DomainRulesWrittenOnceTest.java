package org.tradeflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each domain rule has one home, and every path asks it: sanction in force ({@code sanction_in_force}, through
 * query/SanctionRules), synthetic exclusion (query/SyntheticRules), currency conversion ({@code eur_of}/{@code usd_of}
 * under {@code to_eur}/{@code to_usd}) and the precision of a sum ({@code sum_qualifier}), all in R__domain_rules.sql.
 * This fails when a rule's own wording appears anywhere else in the production code or the repeatable migrations (the
 * applied V migrations are history and stay as they were).
 */
class DomainRulesWrittenOnceTest {

    static final Path MAIN = Path.of("src/main/java/org/tradeflows");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final String DOMAIN_RULES = "R__domain_rules.sql";

    /** A rule's wording and the one file allowed to hold it. */
    record Rule(String name, String wording, String home) {
    }

    static final List<Rule> RULES = List.of(
            new Rule("sanction in force: listed by the date", "listed_on <=", DOMAIN_RULES),
            new Rule("sanction in force: not ended by the date", "ended_on >", DOMAIN_RULES),
            new Rule("sanction in force: confirmed listings only", "x.confirmed and", DOMAIN_RULES),
            new Rule("synthetic shipments left out", "not s.synthetic", "SyntheticRules.java"),
            new Rule("synthetic releases left out", "not synthetic", "SyntheticRules.java"),
            new Rule("synthetic releases left out", "synthetic = false", "SyntheticRules.java"),
            new Rule("synthetic facts: a source of kind SYNTHETIC", "sy.kind = 'SYNTHETIC'", "SyntheticRules.java"),
            new Rule("EUR: a value divided by the rate", "/ eur_rate", DOMAIN_RULES),
            new Rule("USD through EUR", "* usd_rate", DOMAIN_RULES),
            new Rule("EUR: a value divided by the rate", "/ p_units_per_eur", DOMAIN_RULES),
            new Rule("precision of a sum: lower bounds first", "then 'MORE_THAN'", DOMAIN_RULES),
            new Rule("precision of a sum: lower bounds first", "bool_or(value_qualifier", DOMAIN_RULES));

    @Test
    void eachRuleIsWrittenOnlyInItsHome() {
        List<Path> files = new ArrayList<>(sources(MAIN, ".java"));
        files.addAll(sources(MIGRATIONS, ".sql").stream().filter(p -> p.getFileName().toString().startsWith("R__")).toList());
        assertThat(files).as("the sources were found").hasSizeGreaterThan(100);
        List<String> elsewhere = new ArrayList<>();
        Set<String> homesSeen = new HashSet<>();
        for (Path file : files) {
            String text = read(file);
            for (Rule rule : RULES) {
                if (!text.contains(rule.wording())) {
                    continue;
                }
                if (file.getFileName().toString().equals(rule.home())) {
                    homesSeen.add(rule.home());
                } else {
                    elsewhere.add(rule.name() + " (" + rule.wording() + ") written out in " + file);
                }
            }
        }
        assertThat(elsewhere).as("ask the rule's home instead").isEmpty();
        assertThat(homesSeen).as("each home still states its rules").containsExactlyInAnyOrder(DOMAIN_RULES,
                "SyntheticRules.java");
    }

    @Test
    void theRulesAreAskedByNameWhereTheyApply() {
        // the shipment and the official-statistics loads convert their staged rows (wherever their INSERT lives)
        List<String> stagedConversions = sources(MAIN, ".java").stream().map(DomainRulesWrittenOnceTest::read)
                .filter(t -> t.contains("eur_of(value, eur_rate), usd_of(value, currency, eur_rate, usd_rate)")).toList();
        assertThat(stagedConversions).as("shipments and trade volumes").hasSize(2);
        assertThat(read(MAIN.resolve("query/GroupedSelect.java"))).contains("sum_qualifier(");
        assertThat(read(MAIN.resolve("query/FlowBase.java"))).contains("sum_qualifier(sum(more_than)");
        assertThat(read(MAIN.resolve("query/ShipmentScopeSql.java"))).contains("SanctionRules.inForce(")
                .contains("SyntheticRules.");
    }

    static List<Path> sources(Path root, String ending) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(ending)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
