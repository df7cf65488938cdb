package org.tradeflows.dataset;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.tradeflows.store.ExchangeRateStore;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SourceSpec;
import org.tradeflows.store.SourceStore;

/**
 * Loads the ECB's daily euro reference rates ({@code dataset/eurofxref-hist.csv}, the ECB's own history file: one
 * row per business day, one column per currency, 'N/A' where none was published) and has PostgreSQL compute the
 * monthly and annual averages from them (rule in {@link ExchangeRateStore}). Runs before the story dataset, whose
 * figures are converted at these rates; skipped when a release with the same content exists.
 */
@ApplicationScoped
public class EcbRatesLoader {

    private static final Logger LOG = Logger.getLogger(EcbRatesLoader.class);
    static final String FILE = "dataset/eurofxref-hist.csv";
    static final String SOURCE_KEY = "ecb-euro-reference-rates";

    private final AgroalDataSource dataSource;

    public EcbRatesLoader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The file in COPY text format (day, currency, rate or \N) with its first and last day. */
    record Days(String copyText, LocalDate first, LocalDate last, int currencies) {
    }

    /** @return true when this call loaded the rates, false when the same release was already there. */
    public boolean loadIfAbsent() {
        long started = System.nanoTime();
        byte[] file = ResourceFiles.read(FILE);
        String sha = ResourceFiles.sha256(file);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ReleaseStore.lock(c, "REFERENCE");
                if (ReleaseStore.find(c, "REFERENCE", sha).isPresent()) {
                    c.rollback();
                    return false;
                }
                Days days = days(ReferenceDataLoader.text(file));
                long source = SourceStore.upsert(c, source(days));
                long release = ReleaseStore.insert(c, "ecb-rates-" + days.last() + "-" + sha.substring(0, 12),
                        days.last().toString(), "REFERENCE", sha, source,
                        "ECB euro reference rates " + days.first() + " to " + days.last()
                                + ", with monthly and annual averages computed from them");
                Map<String, Long> written = ExchangeRateStore.replaceDaily(c, source, new StringReader(days.copyText()));
                ReleaseStore.recordCounts(c, release, String.format(Locale.ROOT,
                        "{\"currencies\":%d,\"dailyRates\":%d,\"monthlyAverages\":%d,\"annualAverages\":%d}",
                        days.currencies(), written.get("DAY"), written.get("MONTH"), written.get("YEAR")));
                c.commit();
                LOG.infof("Loaded ECB rates %s to %s: %s in %d ms", days.first(), days.last(), written,
                        (System.nanoTime() - started) / 1_000_000);
                return true;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Loading the ECB exchange rates failed: " + e.getMessage(), e);
        }
    }

    static SourceSpec source(Days days) {
        return new SourceSpec(SOURCE_KEY, "EXCHANGE_RATES",
                "Euro foreign exchange reference rates (daily), with monthly and annual averages", "European Central Bank",
                "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html",
                days.last(), "ECB statistics: reuse permitted free of charge provided the source is acknowledged",
                "Source: European Central Bank, euro foreign exchange reference rates (ECB statistics), daily rates "
                        + days.first() + " to " + days.last() + ".",
                "Monthly and annual averages are computed by Tradeflows as the arithmetic mean of the ECB's daily rates "
                        + "in the period (rounded to 8 decimals), only where the ECB published a rate on every business "
                        + "day of the period; none otherwise (e.g. RUB from March 2022). Not the ECB's own averages.");
    }

    /** Reads the ECB's wide layout (Date, then one column per currency, a trailing empty column) into long rows. */
    static Days days(String csv) {
        String[] lines = csv.split("\r?\n");
        String[] header = lines[0].split(",", -1);
        if (!"Date".equals(header[0].trim())) {
            throw new IllegalStateException(FILE + ": the first column is not 'Date'");
        }
        List<String> currencies = new ArrayList<>();
        for (int i = 1; i < header.length; i++) {
            String code = header[i].trim();
            if (!code.isEmpty() && !code.matches("[A-Z]{3}")) {
                throw new IllegalStateException(FILE + ": not a currency code in the header: " + code);
            }
            currencies.add(code);
        }
        StringBuilder out = new StringBuilder(lines.length * currencies.size() * 20);
        LocalDate first = null;
        LocalDate last = null;
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String[] cells = lines[n].split(",", -1);
            LocalDate day;
            try {
                day = LocalDate.parse(cells[0].trim());
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(FILE + " line " + (n + 1) + ": not a date: " + cells[0], e);
            }
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
            for (int i = 0; i < currencies.size(); i++) {
                String code = currencies.get(i);
                if (code.isEmpty()) {
                    continue;
                }
                String cell = i + 1 < cells.length ? cells[i + 1].trim() : "";
                out.append(day).append('\t').append(code).append('\t');
                if (cell.isEmpty() || cell.equals("N/A")) {
                    out.append("\\N");
                } else {
                    BigDecimal rate = new BigDecimal(cell);
                    if (rate.signum() <= 0) {
                        throw new IllegalStateException(FILE + " line " + (n + 1) + ": a rate must be positive: " + cell);
                    }
                    out.append(rate.toPlainString());
                }
                out.append('\n');
            }
        }
        if (first == null) {
            throw new IllegalStateException(FILE + " has no rows");
        }
        return new Days(out.toString(), first, last, (int) currencies.stream().filter(s -> !s.isEmpty()).count());
    }
}
