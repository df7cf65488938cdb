package org.tradeflows.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The shipped ECB file read independently of the loader (commons-csv, BigDecimal arithmetic), so tests can compare
 * the database's rates with the file itself. An average is the mean of the days of the period, present only when
 * every day of the period has a rate and the file reaches the period's end (README, "Exchange rates").
 */
public final class EcbCsv {

    public static final Path FILE = Path.of("src", "main", "resources", "dataset", "eurofxref-hist.csv");

    /** Day → currency → rate (null where 'N/A'). */
    private static Map<LocalDate, Map<String, BigDecimal>> days;

    private EcbCsv() {
    }

    public static synchronized Map<LocalDate, Map<String, BigDecimal>> days() {
        if (days == null) {
            Map<LocalDate, Map<String, BigDecimal>> all = new TreeMap<>();
            try (Reader r = Files.newBufferedReader(FILE)) {
                for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get().parse(r)) {
                    Map<String, BigDecimal> row = new TreeMap<>();
                    rec.toMap().forEach((k, v) -> {
                        if (!k.equals("Date") && !k.isBlank()) {
                            row.put(k, v.equals("N/A") || v.isBlank() ? null : new BigDecimal(v));
                        }
                    });
                    all.put(LocalDate.parse(rec.get("Date")), row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            days = all;
        }
        return days;
    }

    public static Optional<BigDecimal> day(String currency, LocalDate day) {
        Map<String, BigDecimal> row = days().get(day);
        return row == null ? Optional.empty() : Optional.ofNullable(row.get(currency));
    }

    public static Optional<BigDecimal> monthMean(String currency, YearMonth month) {
        return mean(currency, d -> YearMonth.from(d).equals(month), month.atEndOfMonth());
    }

    public static Optional<BigDecimal> yearMean(String currency, int year) {
        return mean(currency, d -> d.getYear() == year, LocalDate.of(year, 12, 31));
    }

    private static Optional<BigDecimal> mean(String currency, Predicate<LocalDate> in, LocalDate periodEnd) {
        LocalDate last = ((TreeMap<LocalDate, ?>) days()).lastKey();
        if (periodEnd.isAfter(last)) {
            return Optional.empty();
        }
        List<BigDecimal> rates = new ArrayList<>();
        for (var e : days().entrySet()) {
            if (in.test(e.getKey())) {
                BigDecimal rate = e.getValue().get(currency);
                if (rate == null) {
                    return Optional.empty();
                }
                rates.add(rate);
            }
        }
        if (rates.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = rates.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(rates.size()), 8, RoundingMode.HALF_UP));
    }
}
