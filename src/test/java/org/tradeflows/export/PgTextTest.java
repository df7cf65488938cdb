package org.tradeflows.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Parquet export's reading of PostgreSQL's text bytes, against Java's own BigDecimal and LocalDate: every value it
 * reads must be the one the driver's BigDecimal would give at the column's scale, and everything else left to it.
 */
class PgTextTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What the slow path answers: the unscaled value at the scale, or NOT_HERE when rounding would be needed. */
    private static long expected(String text, int scale) {
        BigDecimal v;
        try {
            v = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return PgText.NOT_HERE;
        }
        BigInteger unscaled;
        try {
            unscaled = v.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        } catch (ArithmeticException e) {
            return PgText.NOT_HERE;
        }
        return unscaled.bitLength() < 64 ? unscaled.longValue() : PgText.NOT_HERE;
    }

    @Test
    void plainNumbersAreReadAsTheirUnscaledValueAtTheColumnsScale() {
        Random random = new Random(19);
        for (int i = 0; i < 200_000; i++) {
            int scale = random.nextInt(6);
            int decimals = random.nextInt(scale + 3);
            BigDecimal v = new BigDecimal(new BigInteger(random.nextInt(62) + 1, random), decimals);
            String text = (random.nextBoolean() ? v.negate() : v).toPlainString();
            long read = PgText.unscaled(bytes(text), scale);
            if (read != PgText.NOT_HERE) {
                assertThat(read).as("%s at scale %d", text, scale).isEqualTo(expected(text, scale));
            } else {
                // left to the driver: too many digits for a long at this scale, or decimals past the scale
                long slow = expected(text, scale);
                assertThat(slow == PgText.NOT_HERE || Math.abs(slow) >= 1_000_000_000_000_000_000L)
                        .as("%s at scale %d was left to the driver but fits", text, scale).isTrue();
            }
        }
    }

    @Test
    void otherFormsAreLeftToTheDriver() {
        for (String text : new String[] {"", "-", ".", "NaN", "1e5", "1.2.3", "+1", "12a", " 1", "1.234", "-0.001",
            "1234567890123456789", "Infinity"}) {
            assertThat(PgText.unscaled(bytes(text), 2)).as(text).isEqualTo(PgText.NOT_HERE);
        }
        assertThat(PgText.unscaled(bytes("12.500"), 2)).isEqualTo(1250); // zeros past the scale change nothing
        assertThat(PgText.unscaled(bytes("-0.00"), 2)).isZero();
        assertThat(PgText.unscaled(bytes("7."), 3)).isEqualTo(7000);
        assertThat(PgText.unscaled(bytes("999999999999999999"), 0)).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void isoDatesAreDaysSinceTheEpochAndOtherFormsAreLeftToTheDriver() {
        for (LocalDate d = LocalDate.of(1899, 12, 25); d.isBefore(LocalDate.of(2101, 1, 5)); d = d.plusDays(3)) {
            assertThat(PgText.epochDay(bytes(d.toString()))).isEqualTo((int) d.toEpochDay());
        }
        for (String text : new String[] {"infinity", "-infinity", "0044-03-15 BC", "12024-01-01", "2024-1-01", "2024/01/01"}) {
            assertThat(PgText.epochDay(bytes(text))).as(text).isEqualTo(PgText.NOT_A_PLAIN_DATE);
        }
    }

    @Test
    void decimalsTakeTheFewestBytesThatHoldTheirPrecisionAndKeepTheirSign() {
        for (int precision = 1; precision <= 38; precision++) {
            int width = PgText.decimalBytes(precision);
            BigInteger largest = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
            assertThat(largest.bitLength() + 1).as("precision %d", precision).isLessThanOrEqualTo(width * 8);
            assertThat(largest.bitLength() + 1).as("precision %d", precision).isGreaterThan((width - 1) * 8);
        }
        byte[] into = new byte[9];
        for (long v : new long[] {0, 1, -1, 123_456_789_012L, -987_654_321_098_765_432L, Long.MAX_VALUE}) {
            PgText.bigEndian(v, into, 9);
            assertThat(new BigInteger(into)).isEqualTo(BigInteger.valueOf(v));
            assertThat(ParquetSink.twosComplement(BigInteger.valueOf(v), 9, "value")).isEqualTo(into);
        }
    }
}
