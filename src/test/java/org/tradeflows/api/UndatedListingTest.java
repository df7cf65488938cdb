package org.tradeflows.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.Fixtures;
import org.tradeflows.support.GraphQL;

/**
 * A listing whose date no source gives counts from the day of asking on, never for a past date (README, "sanctioned
 * at a date"), as a client sees it through the companies filter; a dated listing beside it for contrast.
 */
@QuarkusTest
class UndatedListingTest {

    private static final String COUNT = "query($f: CompanyFilter) { companies(filter: $f) { totalCount edges { node { name } } } }";

    @Inject
    AgroalDataSource ds;

    private static long sanctionedCount(String search, String on) {
        Map<String, Object> filter = new HashMap<>(Map.of("search", search, "sanctioned", true));
        if (on != null) {
            filter.put("sanctionedOn", on);
        }
        return GraphQL.data(COUNT, Map.of("f", filter)).getLong("data.companies.totalCount");
    }

    @Test
    void anUndatedListingCountsFromTodayOnNeverForThePast() {
        Fixtures db = new Fixtures(ds);
        String tag = "Undatedlisting" + System.nanoTime();
        long undated = db.company(tag + " Undated Trading", "RU");
        long dated = db.company(tag + " Dated Trading", "RU");
        long source = db.anySource();
        db.sql("insert into sanction (company_id, authority, program, listed_on, confirmed, source_id) "
                + "values (?, 'EU', 'test-undated', null, true, ?) returning id", undated, source);
        db.sql("insert into sanction (company_id, authority, program, listed_on, confirmed, source_id) "
                + "values (?, 'EU', 'test-dated', date '2022-03-15', true, ?) returning id", dated, source);
        // the database's today, not this JVM's: the rule reads current_date
        LocalDate today = LocalDate.parse(db.text("select current_date::text"));

        assertThat(sanctionedCount(tag + " Undated", null)).as("today, by default").isEqualTo(1);
        assertThat(sanctionedCount(tag + " Undated", today.toString())).as("today, named").isEqualTo(1);
        assertThat(sanctionedCount(tag + " Undated", today.plusDays(30).toString())).as("a later day").isEqualTo(1);
        assertThat(sanctionedCount(tag + " Undated", today.minusDays(1).toString())).as("yesterday").isZero();
        assertThat(sanctionedCount(tag + " Undated", "2023-06-01")).as("a past date").isZero();

        assertThat(sanctionedCount(tag + " Dated", "2023-06-01")).as("a dated listing in force then").isEqualTo(1);
        assertThat(sanctionedCount(tag + " Dated", "2022-03-14")).as("the day before it").isZero();

        // sanctioned: false is the complement for the past date
        Map<String, Object> notSanctioned = Map.of("search", tag, "sanctioned", false, "sanctionedOn", "2023-06-01");
        assertThat(GraphQL.data(COUNT, Map.of("f", notSanctioned)).getList("data.companies.edges.node.name", String.class))
                .containsExactly(tag + " Undated Trading");
    }
}
