package org.tradeflows.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.EcbCsv;

/**
 * The open dataset carries the ECB's daily rates and the monthly and annual averages computed from them, compared
 * here with arithmetic over the shipped CSV file itself (support/EcbCsv reads it on its own).
 */
@QuarkusTest
class EcbRatesTest {

    /** Long-lived, started late (CNY 2005), ended (CYP 2007), suspended (RUB 2022), with a long gap (ISK 2008–2018). */
    static final List<String> CURRENCIES = List.of("USD", "GBP", "CNY", "RUB", "ISK", "CYP", "BGN", "JPY");

    @Inject
    Jdbc jdbc;

    private Map<String, BigDecimal> dbRates(String currency, String kind) {
        Map<String, BigDecimal> rates = new TreeMap<>();
        jdbc.list("select period_start, units_per_eur from exchange_rate r join source s on s.id = r.source_id "
                + "where currency = ? and period_kind = ? and s.key = 'ecb-euro-reference-rates'", List.of(currency, kind),
                rs -> rates.put(rs.getString(1), rs.getBigDecimal(2)));
        return rates;
    }

    @Test
    void monthlyAveragesAreTheMeanOfTheDailyRatesInTheFile() {
        for (String currency : CURRENCIES) {
            Map<String, BigDecimal> expected = new TreeMap<>();
            for (YearMonth m = YearMonth.of(1999, 1); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
                YearMonth month = m;
                EcbCsv.monthMean(currency, month).ifPresent(mean -> expected.put(month.atDay(1).toString(), mean));
            }
            assertThat(expected).as("the file has months of %s", currency).isNotEmpty();
            assertThat(dbRates(currency, "MONTH")).as("monthly averages of %s", currency)
                    .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(expected);
        }
    }

    @Test
    void annualAveragesAreTheMeanOfTheDailyRatesInTheFile() {
        for (String currency : CURRENCIES) {
            Map<String, BigDecimal> expected = new TreeMap<>();
            for (int y = 1999; y <= 2025; y++) {
                int year = y;
                EcbCsv.yearMean(currency, year).ifPresent(mean -> expected.put(LocalDate.of(year, 1, 1).toString(), mean));
            }
            assertThat(dbRates(currency, "YEAR")).as("annual averages of %s", currency)
                    .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(expected);
        }
        assertThat(dbRates("USD", "YEAR")).as("2025 is not over in the file").doesNotContainKey("2025-01-01")
                .containsKey("2024-01-01");
    }

    @Test
    void everyPublishedDailyRateIsCarriedAndNoOther() {
        long published = EcbCsv.days().values().stream().flatMap(m -> m.values().stream()).filter(Objects::nonNull).count();
        assertThat(jdbc.count("select count(*) from exchange_rate where period_kind = 'DAY'", List.of())).isEqualTo(published);
        for (String currency : CURRENCIES) {
            for (LocalDate day : List.of(LocalDate.of(1999, 1, 4), LocalDate.of(2022, 3, 1), LocalDate.of(2024, 6, 14))) {
                BigDecimal db = jdbc.one("select units_per_eur from exchange_rate where currency = ? and period_kind = 'DAY' "
                        + "and period_start = ?", List.of(currency, day), rs -> rs.getBigDecimal(1)).orElse(null);
                BigDecimal file = EcbCsv.day(currency, day).orElse(null);
                if (file == null) {
                    assertThat(db).as("%s on %s", currency, day).isNull();
                } else {
                    assertThat(db).as("%s on %s", currency, day).isEqualByComparingTo(file);
                }
            }
        }
        assertThat(jdbc.count("select count(distinct currency) from exchange_rate where period_kind = 'DAY'", List.of()))
                .isEqualTo(EcbCsv.days().values().iterator().next().size());
    }

    /** The one rule (conversion_rate, V14): a year's or quarter's figure at the annual mean, a month's or a date's at the month's. */
    @Test
    void eachKindOfFigureIsConvertedAtTheMeanOfItsPeriod() {
        BigDecimal value = new BigDecimal("1000000.00");
        BigDecimal march = EcbCsv.monthMean("CNY", YearMonth.of(2024, 3)).orElseThrow();
        BigDecimal year = EcbCsv.yearMean("CNY", 2024).orElseThrow();
        assertThat(march).isNotEqualByComparingTo(year);
        Map<String, BigDecimal> expected = Map.of("MONTH", march, "YEAR", year, "QUARTER", year);
        expected.forEach((kind, rate) -> assertThat(jdbc.one("select to_eur(?, 'CNY', ?, date '2024-03-15')",
                List.of(value, kind), rs -> rs.getBigDecimal(1)).orElseThrow()).as(kind)
                .isEqualByComparingTo(value.divide(rate, 2, RoundingMode.HALF_UP)));
        assertThat(jdbc.one("select to_eur(?, 'CNY', date '2024-03-15')", List.of(value), rs -> rs.getBigDecimal(1))
                .orElseThrow()).as("a dated shipment").isEqualByComparingTo(value.divide(march, 2, RoundingMode.HALF_UP));
    }

    @Test
    void rubHasNoRateAfterTheFirstOfMarch2022AndNothingIsCarriedForward() {
        assertThat(jdbc.count("select count(*) from exchange_rate where currency = 'RUB' and period_start > date '2022-03-01'",
                List.of())).isZero();
        assertThat(dbRates("RUB", "MONTH")).containsKey("2022-02-01").doesNotContainKey("2022-03-01");
        assertThat(dbRates("RUB", "YEAR")).containsKey("2021-01-01").doesNotContainKey("2022-01-01");
        assertThat(dbRates("RUB", "DAY")).containsKey("2022-03-01");
        assertThat(jdbc.count("select count(*) where units_per_eur('RUB', 'MONTH', date '2022-06-15') is null", List.of()))
                .as("a June 2022 RUB figure has no rate").isEqualTo(1);
        assertThat(jdbc.count("select count(*) where to_eur(1000, 'RUB', 'YEAR', date '2022-01-01') is null", List.of()))
                .as("a 2022 RUB figure has no EUR value").isEqualTo(1);
    }

    @Test
    void theRatesNameTheEcbAsTheirSource() {
        assertThat(jdbc.count("""
                select count(*) from exchange_rate r join source s on s.id = r.source_id
                 where s.key = 'ecb-euro-reference-rates' and s.publisher = 'European Central Bank'
                   and s.citation like 'Source: European Central Bank, euro foreign exchange reference rates%'""", List.of()))
                .isEqualTo(jdbc.count("select count(*) from exchange_rate where source_id = "
                        + "(select id from source where key = 'ecb-euro-reference-rates')", List.of()))
                .isGreaterThan(100_000);
    }
}
