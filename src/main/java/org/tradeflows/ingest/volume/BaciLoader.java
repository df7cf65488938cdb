package org.tradeflows.ingest.volume;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.tradeflows.ingest.LoadContext;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.input.CsvTable;
import org.tradeflows.store.TradeVolumeRow;

/**
 * CEPII BACI ({@code t,i,j,k,v,q}: year, exporter and importer as ISO numeric codes, HS6 product, value in
 * thousands of USD, quantity in metric tonnes). Each row becomes an EXPORT from exporter to importer, valued in USD
 * (× 1000), with the tonnes as net weight (× 1000 kg). BACI reconciles both sides' declarations, so its figures are
 * marked ESTIMATED and kept under their own source, apart from what the countries themselves report.
 */
public final class BaciLoader extends TradeVolumeCsvLoader {

    static final Set<String> COLUMNS = Set.of("t", "i", "j", "k", "v", "q");
    private static final BigDecimal THOUSAND = new BigDecimal(1000);

    @Override
    CsvTable open(LoadContext ctx, Reader reader) throws IOException {
        return CsvTable.open(reader, ctx.formatName(), ctx.delimiters(), COLUMNS, COLUMNS);
    }

    @Override
    TradeVolumeRow row(CsvTable t, RowCheck check, LoadContext ctx) {
        LocalDate start = StatisticsCodes.year(t.get("t"), "t", check);
        StatisticsCodes.Country exporter = StatisticsCodes.numeric(t.get("i"), "i", check, ctx.reference());
        StatisticsCodes.Country importer = StatisticsCodes.numeric(t.get("j"), "j", check, ctx.reference());
        String k = t.get("k");
        String hs6 = k.matches("[0-9]{5}") ? "0" + k : k;
        if (!hs6.matches("[0-9]{6}")) {
            check.problem("k", "not an HS6 code", k);
        } else if (!ctx.reference().hasProduct(hs6)) {
            check.problem("k", "HS6 " + hs6 + " is not in the HS 2022 tree (load BACI's HS22 edition)", k);
        }
        BigDecimal v = StatisticsCodes.amount(t.get("v"), "v", check, true, 3);
        BigDecimal q = StatisticsCodes.amount(t.get("q"), "q", check, false, 3);
        BigDecimal eurRate = start == null ? null : StatisticsCodes.rate("USD", "YEAR", start, "v", check, ctx.reference());
        if (!check.ok()) {
            return null;
        }
        String skip = exporter.skip() != null ? "exporter: " + exporter.skip()
                : importer.skip() != null ? "importer: " + importer.skip()
                : exporter.code().equals(importer.code()) ? "exporter and importer are the same country" : null;
        if (skip != null) {
            ctx.tally().skip(skip, t.line());
            return null;
        }
        return new TradeVolumeRow(t.line(), exporter.code(), importer.code(), "EXPORT", "YEAR", start,
                start.withMonth(12).withDayOfMonth(31), hs6, v.multiply(THOUSAND).setScale(2), "USD", eurRate, eurRate,
                "ESTIMATED", q == null ? null : q.multiply(THOUSAND).setScale(3), null, null, null);
    }
}
