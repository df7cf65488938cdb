package org.tradeflows.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.SyntheticData;

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
    @Inject
    AgroalDataSource dataSource;

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
        // the open dataset's own rows (its STORY release), not whatever other test classes loaded before this one
        assertThat(jdbc.count("select count(*) from trade_volume v join data_release r on r.id = v.release_id "
                + "where r.kind = 'STORY' and v.source_id is null", List.of())).isZero();
        assertThat(jdbc.count("select count(*) from finding f join data_release r on r.id = f.release_id "
                + "where r.kind = 'STORY' and f.source_id is null", List.of())).isZero();
        assertThat(jdbc.count("select count(distinct v.source_id) from trade_volume v join data_release r on r.id = v.release_id "
                + "where r.kind = 'STORY'", List.of())).isGreaterThanOrEqualTo(5);
        // a generated release, made here by the generator, is labelled synthetic by its source
        long release = SyntheticData.load(dataSource, "open-dataset-label", 3, 6, 20).releaseId();
        assertThat(jdbc.list("select r.synthetic || ' ' || s.key from data_release r join source s on s.id = r.source_id "
                + "where r.id = ?", List.of(release), rs -> rs.getString(1))).containsExactly("true synthetic-open-dataset-label");
        assertThat(jdbc.count("select count(*) from data_release where synthetic and kind in ('REFERENCE', 'STORY')", List.of()))
                .as("the open dataset's releases are not synthetic").isZero();
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
