package org.tradeflows.export;

import java.time.LocalDate;

/**
 * Numbers and dates read from the bytes of PostgreSQL's text format, as the driver received them, without building a
 * string or a {@code BigDecimal} per value: the common forms only. Anything else answers "not here" and is read through
 * the driver as before (exponents, NaN, more than 18 digits, more decimals than the column's scale, BC dates).
 */
final class PgText {

    /** What {@link #unscaled} answers for a value it leaves to the driver; no value it reads can be this. */
    static final long NOT_HERE = Long.MIN_VALUE;
    /** What {@link #epochDay} answers for a date it leaves to the driver. */
    static final int NOT_A_PLAIN_DATE = Integer.MIN_VALUE;

    private static final int MAX_DIGITS = 18; // any 18-digit number fits a long

    private PgText() {
    }

    /**
     * The unscaled value of {@code [-]digits[.digits]} at {@code scale} (12.5 at scale 2 is 1250); {@link #NOT_HERE}
     * for another form, for more than 18 significant digits at that scale, or for a non-zero digit past the scale
     * (which the caller must refuse or round, as the driver's value would be).
     */
    static long unscaled(byte[] text, int scale) {
        int i = 0;
        boolean negative = false;
        if (text.length > 0 && text[0] == '-') {
            negative = true;
            i = 1;
        }
        long value = 0;
        int significant = 0;
        int decimals = -1; // before the point
        boolean digits = false;
        for (; i < text.length; i++) {
            int c = text[i];
            if (c >= '0' && c <= '9') {
                digits = true;
                if (decimals >= 0) {
                    if (decimals == scale) {
                        if (c != '0') {
                            return NOT_HERE;
                        }
                        continue; // a trailing zero past the scale changes nothing
                    }
                    decimals++;
                }
                value = value * 10 + (c - '0');
                if (value != 0 && ++significant > MAX_DIGITS) {
                    return NOT_HERE;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return NOT_HERE;
            }
        }
        if (!digits) {
            return NOT_HERE;
        }
        for (int d = Math.max(decimals, 0); d < scale; d++) {
            value *= 10;
            if (value != 0 && ++significant > MAX_DIGITS) {
                return NOT_HERE;
            }
        }
        return negative ? -value : value;
    }

    /** Days since 1970-01-01 of an ISO date {@code YYYY-MM-DD}; {@link #NOT_A_PLAIN_DATE} for any other form. */
    static int epochDay(byte[] text) {
        if (text.length != 10 || text[4] != '-' || text[7] != '-') {
            return NOT_A_PLAIN_DATE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return NOT_A_PLAIN_DATE;
        }
        return (int) LocalDate.of(year, month, day).toEpochDay();
    }

    private static int digits(byte[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int c = text[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            value = value * 10 + c;
        }
        return value;
    }

    /** Bytes of a FIXED_LEN_BYTE_ARRAY decimal of {@code precision} digits: the fewest that hold ±(10^precision - 1). */
    static int decimalBytes(int precision) {
        int bytes = 1;
        while (bytes < 16 && Math.pow(2, 8.0 * bytes - 1) <= Math.pow(10, precision)) {
            bytes++;
        }
        return bytes;
    }

    /** {@code value} in two's complement, big-endian, sign-extended into {@code into[0..length)}. */
    static void bigEndian(long value, byte[] into, int length) {
        long v = value;
        for (int i = length - 1; i >= 0; i--) {
            into[i] = (byte) v;
            v >>= 8; // arithmetic: the sign fills the upper bytes
        }
    }
}
