package org.tradeflows.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator's currency draw keeps the drawn currency where it has a rate and moves on where not; plain JUnit. */
class SyntheticCurrencyTest {

    static final int RUB = 7; // CURRENCIES = USD, USD, USD, EUR, CNY, CNY, GBP, RUB

    @Test
    void aCurrencyWithARateForTheMonthOrYearIsKept() {
        assertThat(SyntheticShipments.currency(RUB, LocalDate.of(2022, 2, 10), Set.of("RUB/2022-02"))).isEqualTo("RUB");
        assertThat(SyntheticShipments.currency(RUB, LocalDate.of(2021, 6, 1), Set.of("RUB/2021"))).isEqualTo("RUB");
    }

    @Test
    void withoutARateTheNextCurrencyWithOneIsTakenAndEurAlwaysConverts() {
        assertThat(SyntheticShipments.currency(RUB, LocalDate.of(2022, 6, 1), Set.of("USD/2022-06"))).isEqualTo("USD");
        assertThat(SyntheticShipments.currency(RUB, LocalDate.of(2026, 1, 1), Set.of())).isEqualTo("EUR");
        assertThat(SyntheticShipments.currency(4, LocalDate.of(2026, 1, 1), Set.of())).isEqualTo("EUR");
    }
}
