package org.tradeflows.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;

/** The open datasets load once, and loading them again (even when their release record is gone) changes nothing. */
@QuarkusTest
class OpenDatasetLoadTest {

    private static final List<String> TABLES = List.of("source", "country", "product_category", "chpl_entry", "topic",
            "topic_product", "company", "company_alias", "sanction", "exchange_rate", "trade_volume", "finding",
            "finding_amount", "finding_company", "finding_country", "finding_product", "finding_goods");

    @Inject
    ReferenceDataLoader reference;
    @Inject
    StoryDatasetLoader story;
    @Inject
    Jdbc jdbc;

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.count("select count(*) from " + table, List.of()));
        }
        return counts;
    }

    @Test
    void aSecondStartFindsTheReleasesAndLoadsNothing() {
        Map<String, Long> before = counts();
        assertThat(reference.loadIfAbsent()).isFalse();
        assertThat(story.loadIfAbsent()).isFalse();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void reloadingTheSameContentUpsertsWithoutDuplicates() {
        Map<String, Long> before = counts();
        jdbc.update("delete from data_release where kind = 'REFERENCE'", List.of());
        assertThat(reference.loadIfAbsent()).isTrue();
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.count("select count(*) from data_release where kind = 'REFERENCE'", List.of())).isEqualTo(1);
    }

    @Test
    void everyFigureRowHasASource() {
        assertThat(jdbc.count("select count(*) from trade_volume where source_id is null", List.of())).isZero();
        assertThat(jdbc.count("select count(*) from finding where source_id is null", List.of())).isZero();
        assertThat(jdbc.count("select count(distinct source_id) from trade_volume", List.of())).isGreaterThanOrEqualTo(5);
        // generated releases (other test classes make some, in any order) are labelled synthetic by their source
        assertThat(jdbc.count("""
                select count(*) from data_release r left join source s on s.id = r.source_id
                 where r.synthetic and (s.key is null or s.key not like 'synthetic-%')""", List.of())).isZero();
    }

    @Test
    void customsRowsMissingFromEveryReportStayMissing() {
        // GAC's 2021 and 2023 export/import splits were not found in any source: nothing may be back-filled.
        // (only the open dataset's rows: other test classes load official figures of their own for these years)
        assertThat(jdbc.count("select count(*) from trade_volume v join data_release r on r.id = v.release_id "
                + "where r.kind = 'STORY' and extract(year from v.period_start) in (2021, 2023) and v.flow <> 'TOTAL'",
                List.of())).isZero();
        assertThat(jdbc.count("select count(*) from trade_volume v join data_release r on r.id = v.release_id "
                + "where r.kind = 'STORY' and extract(year from v.period_start) in (2021, 2023) and v.flow = 'TOTAL'",
                List.of())).as("the totals of those years are there").isPositive();
    }
}
