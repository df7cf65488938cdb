package org.tradeflows.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The ECB's wide layout (a trailing comma on every line, 'N/A' for no rate) becomes COPY rows; plain JUnit. */
class EcbDaysParseTest {

    static final String FILE = """
            Date,USD,RUB,CYP,
            2022-03-02,1.1106,N/A,N/A,
            2022-03-01,1.1162,117.201,N/A,
            """;

    @Test
    void everyCellBecomesARowAndNoRateIsNull() {
        EcbRatesLoader.Days days = EcbRatesLoader.days(FILE);
        assertThat(days.currencies()).isEqualTo(3);
        assertThat(days.first()).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(days.last()).isEqualTo(LocalDate.of(2022, 3, 2));
        assertThat(days.copyText().split("\n")).containsExactly(
                "2022-03-02\tUSD\t1.1106", "2022-03-02\tRUB\t\\N", "2022-03-02\tCYP\t\\N",
                "2022-03-01\tUSD\t1.1162", "2022-03-01\tRUB\t117.201", "2022-03-01\tCYP\t\\N");
    }

    @Test
    void aBrokenFileIsRefusedWithItsLine() {
        assertThatThrownBy(() -> EcbRatesLoader.days("Date,USD,\n2022-13-01,1.1,\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> EcbRatesLoader.days("Date,usd,\n2022-03-01,1.1,\n")).hasMessageContaining("usd");
        assertThatThrownBy(() -> EcbRatesLoader.days("Date,USD,\n2022-03-01,-1.1,\n")).hasMessageContaining("positive");
    }
}
