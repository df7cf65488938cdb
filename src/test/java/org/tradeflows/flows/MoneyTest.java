package org.tradeflows.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;

/**
 * Values keep their currency and dated shipments are normalised with the monthly rate where known, else the annual
 * one; a sum that includes an "at least" is itself "at least". Uses a currency (AMD) that neither the ECB file nor
 * other tests carry, so that its rates are the test's own.
 */
@QuarkusTest
class MoneyTest {

    static final BigDecimal ANNUAL = new BigDecimal("0.95");
    static final BigDecimal MARCH = new BigDecimal("0.98");

    @Inject
    Jdbc jdbc;

    /** A generated release of its own, labelled as the generator labels its releases: by a synthetic- source. */
    @BeforeEach
    void chfShipments() {
        jdbc.update("""
                insert into source (key, kind, title, citation) values ('synthetic-test-money', 'SYNTHETIC', 'Test rates', 'Test rates')
                on conflict (key) do nothing""", List.of());
        jdbc.update("""
                insert into data_release (key, version, kind, synthetic, content_sha256, changelog, source_id)
                select 'synthetic-test-money', '1', 'SYNTHETIC', true, repeat('0', 64), 'money test', id
                  from source where key = 'synthetic-test-money'
                on conflict (key) do nothing""", List.of());
        jdbc.update("""
                insert into exchange_rate (currency, period_kind, period_start, units_per_eur, source_id)
                values ('AMD', 'YEAR', date '2023-01-01', ?, (select id from source where key = 'synthetic-test-money')),
                       ('AMD', 'MONTH', date '2023-03-01', ?, (select id from source where key = 'synthetic-test-money'))
                on conflict do nothing""", List.of(ANNUAL, MARCH));
        jdbc.update("""
                insert into shipment (release_id, synthetic, source_id, source_record_ref, supplier_country, recipient_country,
                    period_start, period_end, hs_code, product_code, value, currency, value_eur, value_usd, value_qualifier)
                select (select id from data_release where key = 'synthetic-test-money'), true, (select id from source where key = 'synthetic-test-money'),
                       ref, 'CH', 'RU', d, d, '901380', '901380', v, 'AMD', to_eur(v, 'AMD', d), to_usd(v, 'AMD', d), q
                  from (values ('march', date '2023-03-15', 9800.00, 'EXACT'),
                               ('june', date '2023-06-15', 9500.00, 'AT_LEAST')) x(ref, d, v, q)
                on conflict do nothing""", List.of());
    }

    @Test
    void theMonthlyRateWinsOverTheAnnualOne() {
        JsonPath r = GraphQL.data("""
                { shipments(filter: {sources: ["synthetic-test-money"], includeSynthetic: true}) { edges { node {
                    sourceRecordRef value { amount currency } valueEur valueUsd } } } }""");
        var nodes = r.getList("data.shipments.edges.node", java.util.Map.class);
        for (var n : nodes) {
            // the USD side of a dated shipment is the USD monthly average of its month (ECB, shipped)
            String month = "march".equals(n.get("sourceRecordRef")) ? "2023-03-01" : "2023-06-01";
            BigDecimal usdPerEur = jdbc.one("select units_per_eur from exchange_rate where currency = 'USD' "
                    + "and period_kind = 'MONTH' and period_start = ?::date", List.of(month), rs -> rs.getBigDecimal(1))
                    .orElseThrow();
            BigDecimal chf = new BigDecimal(String.valueOf(((java.util.Map<?, ?>) n.get("value")).get("amount")));
            BigDecimal rate = "march".equals(n.get("sourceRecordRef")) ? MARCH : ANNUAL;
            BigDecimal eur = chf.divide(rate, 2, RoundingMode.HALF_UP);
            assertThat(new BigDecimal(String.valueOf(n.get("valueEur")))).isEqualByComparingTo(eur);
            assertThat(new BigDecimal(String.valueOf(n.get("valueUsd"))))
                    .isEqualByComparingTo(chf.divide(rate, 20, RoundingMode.HALF_UP).multiply(usdPerEur).setScale(2, RoundingMode.HALF_UP));
            assertThat(((java.util.Map<?, ?>) n.get("value")).get("currency")).isEqualTo("AMD");
        }
        assertThat(nodes).hasSize(2);
    }

    @Test
    void aSumThatIncludesAnAtLeastIsAtLeast() {
        JsonPath r = GraphQL.data("""
                { all: flows(filter: {sources: ["synthetic-test-money"], includeSynthetic: true}) { edges { node { valueEur value { text qualifier } } } }
                  exact: flows(filter: {sources: ["synthetic-test-money"], includeSynthetic: true, periodTo: "2023-04-01"}) { edges { node { value { qualifier } } } } }""");
        assertThat(r.getString("data.all.edges[0].node.value.qualifier")).isEqualTo("AT_LEAST");
        assertThat(r.getString("data.all.edges[0].node.value.text")).startsWith("at least EUR ");
        assertThat(new BigDecimal(r.getString("data.all.edges[0].node.valueEur"))).isEqualByComparingTo("20000.00");
        assertThat(r.getString("data.exact.edges[0].node.value.qualifier")).isEqualTo("EXACT");
    }
}
