package org.tradeflows.ingest.rates;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tradeflows.ingest.FormatLoader;
import org.tradeflows.ingest.IngestException;
import org.tradeflows.ingest.LoadContext;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.input.CsvTable;
import org.tradeflows.store.ExchangeRateStore;

/**
 * Exchange rates ({@code currency,period,units_per_eur[,source]}): units of the currency per EUR over a year
 * (YYYY) or a month (YYYY-MM). New rates are inserted, changed ones updated, equal ones left alone. Shipments and
 * trade volumes already loaded keep the EUR and USD values they were given.
 */
public final class ExchangeRateLoader implements FormatLoader {

    static final Set<String> REQUIRED = Set.of("currency", "period", "units_per_eur");
    static final Set<String> KNOWN = Set.of("currency", "period", "units_per_eur", "source");

    private final List<Rate> rates = new ArrayList<>();

    /** Checks every row; rate files are small, so the valid rates wait in memory for {@link #write}. */
    @Override
    public void read(LoadContext ctx, Reader reader) throws SQLException, IOException {
        CsvTable t = CsvTable.open(reader, ctx.formatName(), ctx.delimiters(), REQUIRED, KNOWN);
        Map<String, Long> seen = new HashMap<>();
        boolean any = false;
        while (t.next()) {
            any = true;
            ctx.rowRead();
            RowCheck check = new RowCheck(t.line(), ctx.today());
            Rate rate = read(t, check, ctx);
            if (rate != null) {
                Long first = seen.putIfAbsent(rate.currency() + "/" + rate.kind() + "/" + rate.start(), t.line());
                if (first != null) {
                    check.problem("period", "repeats the currency and period of line " + first, t.get("period"));
                }
            }
            if (!check.ok()) {
                ctx.reject(check, t.raw());
            } else if (ctx.writing()) {
                rates.add(rate);
            }
        }
        if (!any) {
            throw new IngestException("The file has a header but no rows.", 2L);
        }
    }

    @Override
    public void write(LoadContext ctx) throws SQLException {
        long inserted = 0;
        long updated = 0;
        for (Rate rate : rates) {
            Boolean insert = ExchangeRateStore.upsert(ctx.connection(), rate.currency(), rate.kind(), rate.start(),
                    rate.unitsPerEur(), rate.sourceId());
            if (insert == null) {
                ctx.tally().unchanged(1);
            } else if (insert) {
                inserted++;
            } else {
                updated++;
            }
        }
        ctx.tally().wrote("exchangeRatesInserted", inserted);
        ctx.tally().wrote("exchangeRatesUpdated", updated);
    }

    private record Rate(String currency, String kind, LocalDate start, BigDecimal unitsPerEur, long sourceId) {
    }

    private static Rate read(CsvTable t, RowCheck check, LoadContext ctx) {
        if (t.width() != t.header().size()) {
            check.problem(null, "the record has " + t.width() + " fields where the header has " + t.header().size(), null);
            return null;
        }
        String currency = check.currency("currency", t.get("currency"), true);
        if ("EUR".equals(currency)) {
            check.problem("currency", "rates are units per EUR; EUR itself is always 1", currency);
        }
        String period = t.get("period");
        LocalDate start = null;
        String kind = null;
        if (period.matches("[0-9]{4}")) {
            start = LocalDate.of(Integer.parseInt(period), 1, 1);
            kind = "YEAR";
        } else if (period.matches("[0-9]{4}-(0[1-9]|1[0-2])")) {
            start = LocalDate.parse(period + "-01");
            kind = "MONTH";
        } else {
            check.problem("period", "not a period (YYYY or YYYY-MM)", period);
        }
        if (start != null && !check.inRange("period", start, period)) {
            start = null;
        }
        BigDecimal rate = check.decimal("units_per_eur", t.get("units_per_eur"), 20, 8, true);
        if (rate != null && rate.signum() == 0) {
            check.problem("units_per_eur", "must be greater than zero", t.get("units_per_eur"));
        }
        long sourceId = ctx.sourceId();
        String sourceKey = t.get("source");
        if (!sourceKey.isEmpty()) {
            Long id = ctx.reference().sourceId(sourceKey);
            if (id == null) {
                check.problem("source", "no source has this key", sourceKey);
            } else {
                sourceId = id;
            }
        }
        return check.ok() ? new Rate(currency, kind, start, rate, sourceId) : null;
    }
}
