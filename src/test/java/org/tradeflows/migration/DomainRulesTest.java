package org.tradeflows.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;

/**
 * The domain rules of R__domain_rules.sql give today's answers (cases taken from the Java and SQL that state the
 * rules now: CompanySql.SANCTION_IN_FORCE and Sanction.inForceOn, V1's to_eur/to_usd, GroupedSelect.QUALIFIER and the
 * rollup measures), and PostgreSQL inlines them, so calling a rule costs nothing per row.
 */
@QuarkusTest
class DomainRulesTest {

    @Inject
    Jdbc jdbc;

    Object one(String sql) {
        List<Object> rows = jdbc.list(sql, List.of(), rs -> rs.getObject(1)); // may hold null, which Jdbc.one refuses
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    boolean inForce(String confirmed, String listedOn, String endedOn, String on) {
        Object answer = one("select sanction_in_force(%s, (%s)::date, (%s)::date, (%s)::date)".formatted(confirmed, listedOn, endedOn, on));
        assertThat(answer).as("a definite answer for %s %s %s %s", confirmed, listedOn, endedOn, on).isNotNull();
        return (Boolean) answer;
    }

    @Test
    void aSanctionIsInForceFromItsListingUntilTheDayItEnds() {
        String on = "date '2024-06-01'";
        assertThat(inForce("true", "date '2024-01-01'", "null", on)).isTrue();
        assertThat(inForce("true", on, "null", on)).as("listed on the day asked").isTrue();
        assertThat(inForce("true", "date '2024-06-02'", "null", on)).as("listed the day after").isFalse();
        assertThat(inForce("true", "date '2024-01-01'", on, on)).as("ended on the day asked: the end is exclusive").isFalse();
        assertThat(inForce("true", "date '2024-01-01'", "date '2024-06-02'", on)).as("ends the day after").isTrue();
        assertThat(inForce("true", "date '2024-01-01'", "date '2024-03-01'", on)).as("ended before").isFalse();
        assertThat(inForce("false", "date '2024-01-01'", "null", on)).as("unconfirmed").isFalse();
    }

    @Test
    void anUndatedListingCountsFromTheDayOfAsking() {
        assertThat(inForce("true", "null", "null", "date '2024-06-01'")).as("the past: nothing says it applied").isFalse();
        assertThat(inForce("true", "null", "null", "current_date - 1")).isFalse();
        assertThat(inForce("true", "null", "null", "current_date")).isTrue();
        assertThat(inForce("true", "null", "null", "current_date + 30")).isTrue();
        assertThat(inForce("true", "null", "current_date", "current_date")).as("undated but ended today").isFalse();
        assertThat(inForce("false", "null", "null", "current_date")).as("unconfirmed").isFalse();
    }

    @Test
    void theRuleAgreesWithTodaysSqlWhereverThatGivesAnAnswer() {
        // CompanySql.SANCTION_IN_FORCE as it stands, over every combination of the cases above
        List<Map<String, Object>> cases = jdbc.list("""
                with c(confirmed) as (values (true), (false)),
                     l(listed_on) as (values (null::date), (date '2024-01-01'), (date '2024-06-01'), (current_date), (current_date + 1)),
                     e(ended_on) as (values (null::date), (date '2024-06-01'), (date '2024-06-02'), (current_date), (current_date + 1)),
                     o(on_day) as (values (date '2024-06-01'), (current_date), (current_date + 1))
                select confirmed, listed_on, ended_on, on_day,
                       sanction_in_force(confirmed, listed_on, ended_on, on_day) as rule,
                       confirmed and (listed_on <= on_day or (listed_on is null and on_day >= current_date))
                           and (ended_on is null or ended_on > on_day) as today
                  from c, l, e, o""", List.of(), rs -> Map.<String, Object>of("row",
                rs.getString("confirmed") + " " + rs.getString("listed_on") + " " + rs.getString("ended_on") + " "
                        + rs.getString("on_day"), "rule", rs.getBoolean("rule"), "today", rs.getBoolean("today")));
        assertThat(cases).hasSize(2 * 5 * 5 * 3);
        List<String> differ = new ArrayList<>();
        for (Map<String, Object> r : cases) {
            if (!r.get("rule").equals(r.get("today"))) { // getBoolean reads today's null as false, as `exists` does
                differ.add((String) r.get("row"));
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void euroAndDollarValuesRoundToCentsAndAMissingRateGivesNull() {
        assertThat((BigDecimal) one("select eur_of(9800.00, 0.98)")).isEqualByComparingTo("10000.00");
        assertThat((BigDecimal) one("select eur_of(1, 3)")).isEqualByComparingTo("0.33");
        assertThat((BigDecimal) one("select eur_of(10.005, 1)")).isEqualByComparingTo("10.01");
        assertThat(one("select eur_of(100, null)")).isNull();
        assertThat((BigDecimal) one("select usd_of(9800.00, 'CHF', 0.98, 1.1)")).isEqualByComparingTo("11000.00");
        assertThat((BigDecimal) one("select usd_of(123.456, 'USD', null, null)")).as("USD is kept as given")
                .isEqualByComparingTo("123.456");
        assertThat(one("select usd_of(100, 'CHF', null, 1.1)")).isNull();
        assertThat(one("select usd_of(100, 'CHF', 0.98, null)")).isNull();
    }

    @Test
    void toEurAndToUsdGiveWhatV1sDefinitionsGave() {
        // V1's bodies, stated here as the reference, over the rates the test database holds and some it does not
        List<String> rows = jdbc.list("""
                with cases as (
                    select v.value, r.currency, r.period_start + d.offs as on_day
                      from (select distinct currency, period_start from exchange_rate
                             where period_kind <> 'DAY' and period_start >= date '2022-01-01') r,
                           (values (0::numeric), (1), (9800.00), (123456.78), (0.005)) v(value),
                           (values (0), (14), (400)) d(offs)
                    union all
                    select 100, c, date '2023-03-15' from unnest(array['EUR', 'USD', 'XXX']) c)
                select currency, on_day, value, to_eur(value, currency, on_day) as eur, to_usd(value, currency, on_day) as usd,
                       round(value / units_per_eur(currency, on_day), 2) as v1_eur,
                       case when currency = 'USD' then value
                            else round(value / units_per_eur(currency, on_day) * units_per_eur('USD', on_day), 2) end as v1_usd
                  from cases""", List.of(), rs -> String.join(" ", rs.getString("currency"), rs.getString("on_day"),
                rs.getString("value"), String.valueOf(rs.getBigDecimal("eur")), String.valueOf(rs.getBigDecimal("v1_eur")),
                String.valueOf(rs.getBigDecimal("usd")), String.valueOf(rs.getBigDecimal("v1_usd"))));
        assertThat(rows).hasSizeGreaterThan(10);
        assertThat(rows).allSatisfy(r -> {
            String[] f = r.split(" ");
            assertThat(f[3]).as("EUR of %s", r).isEqualTo(f[4]);
            assertThat(f[5]).as("USD of %s", r).isEqualTo(f[6]);
        });
        assertThat(rows).as("a currency without rates gives null, never 0").anyMatch(r -> r.startsWith("XXX ") && r.contains(" null null null null"));
        assertThat(rows).as("some rates were found").anyMatch(r -> !r.contains("null"));
    }

    @Test
    void theQualifierOfASumIsTheLeastPreciseOfItsParts() {
        assertThat(one("select sum_qualifier(1, 1, 1, 1)")).isEqualTo("MORE_THAN");
        assertThat(one("select sum_qualifier(0, 2, 1, 0)")).isEqualTo("AT_LEAST");
        assertThat(one("select sum_qualifier(0, 0, 3, 5)")).isEqualTo("ESTIMATED");
        assertThat(one("select sum_qualifier(0, 0, 0, 1)")).isEqualTo("APPROXIMATE");
        assertThat(one("select sum_qualifier(0, 0, 0, 0)")).isEqualTo("EXACT");
        assertThat(one("select sum_qualifier(null, null, null, null)")).as("a rollup sum over no rows").isEqualTo("EXACT");
    }

    @Test
    void theQualifierAgreesWithGroupedSelectAndTheRollupMeasures() {
        // every set of up to three qualifiers; today's two cascades (GroupedSelect.QUALIFIER over shipment rows,
        // FlowBase's rollup measures over per-qualifier counts) against the rule
        List<String> differ = jdbc.list("""
                with q(v) as (values ('EXACT'), ('AT_LEAST'), ('MORE_THAN'), ('APPROXIMATE'), ('ESTIMATED')),
                     rows_of(grp, value_qualifier) as (
                         select a.v || '+' || b.v || '+' || c.v, x from q a, q b, q c, unnest(array[a.v, b.v, c.v]) x),
                     counted as (
                         select grp, value_qualifier, (value_qualifier = 'MORE_THAN')::int as more_than,
                                (value_qualifier = 'AT_LEAST')::int as at_least, (value_qualifier = 'ESTIMATED')::int as estimated,
                                (value_qualifier = 'APPROXIMATE')::int::bigint as approximate
                           from rows_of)
                select grp,
                       case when bool_or(value_qualifier = 'MORE_THAN') then 'MORE_THAN'
                            when bool_or(value_qualifier = 'AT_LEAST') then 'AT_LEAST'
                            when bool_or(value_qualifier = 'ESTIMATED') then 'ESTIMATED'
                            when bool_or(value_qualifier = 'APPROXIMATE') then 'APPROXIMATE'
                            else 'EXACT' end as grouped_select,
                       case when sum(more_than) > 0 then 'MORE_THAN' when sum(at_least) > 0 then 'AT_LEAST'
                            when sum(estimated) > 0 then 'ESTIMATED' when sum(approximate) > 0 then 'APPROXIMATE'
                            else 'EXACT' end as rollup,
                       sum_qualifier(count(*) filter (where value_qualifier = 'MORE_THAN'),
                                     count(*) filter (where value_qualifier = 'AT_LEAST'),
                                     count(*) filter (where value_qualifier = 'ESTIMATED'),
                                     count(*) filter (where value_qualifier = 'APPROXIMATE')) as rule_on_rows,
                       sum_qualifier(sum(more_than), sum(at_least), sum(estimated), sum(approximate)) as rule_on_rollup
                  from counted group by grp""", List.of(), rs -> {
            String g = rs.getString("grouped_select");
            boolean same = g.equals(rs.getString("rollup")) && g.equals(rs.getString("rule_on_rows"))
                    && g.equals(rs.getString("rule_on_rollup"));
            return same ? "" : rs.getString("grp") + ": " + g + " " + rs.getString("rule_on_rows");
        });
        assertThat(differ).hasSize(125);
        assertThat(differ).allMatch(String::isEmpty);
    }

    @Test
    void theRulesAreInlinedIntoTheQueriesThatCallThem() {
        String plan = explain("""
                select s.id, eur_of(s.value, 0.98), usd_of(s.value, s.currency, 0.98, 1.1), to_eur(s.value, s.currency, s.period_start),
                       to_usd(s.value, s.currency, s.period_start)
                  from shipment s
                 where exists (select 1 from sanction x where x.company_id = s.recipient_id
                                 and sanction_in_force(x.confirmed, x.listed_on, x.ended_on, s.period_start))""");
        String aggregate = explain("""
                select s.supplier_country, sum_qualifier(count(*) filter (where s.value_qualifier = 'MORE_THAN'),
                       count(*) filter (where s.value_qualifier = 'AT_LEAST'), count(*) filter (where s.value_qualifier = 'ESTIMATED'),
                       count(*) filter (where s.value_qualifier = 'APPROXIMATE'))
                  from shipment s group by s.supplier_country""");
        // units_per_eur reads a table, so it is not inlined: proof that a verbose plan names a function it calls
        assertThat(plan).contains("units_per_eur(", "CURRENT_DATE", "round(").doesNotContain("sanction_in_force", "eur_of", "usd_of", "to_eur", "to_usd");
        assertThat(aggregate).contains("MORE_THAN").doesNotContain("sum_qualifier");
    }

    String explain(String query) {
        return String.join("\n", jdbc.list("explain (verbose, costs off) " + query, List.of(), rs -> rs.getString(1)));
    }
}
