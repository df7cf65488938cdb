package org.tradeflows.ingest.volume;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.tradeflows.ingest.LoadContext;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.input.CsvTable;
import org.tradeflows.store.TradeVolumeRow;

/**
 * Eurostat Comext, dataset DS-045409, as its dissemination API answers in SDMX-CSV ({@code freq, reporter, partner,
 * product, flow, indicators, TIME_PERIOD, OBS_VALUE}, besides DATAFLOW, LAST UPDATE and OBS_FLAG): monthly values of
 * an EU member state's imports (flow 1) from or exports (flow 2) to a partner, in EUR. Only HS6 products of the
 * VALUE_IN_EUROS indicator become trade volumes (CN8 lines and HS2/HS4 totals would count twice); partner aggregates
 * (EU27_2020, EXT_EU27_2020, ...) are skipped.
 */
public final class ComextLoader extends TradeVolumeCsvLoader {

    static final Set<String> COLUMNS = Set.of("freq", "reporter", "partner", "product", "flow", "indicators",
            "time_period", "obs_value");

    @Override
    CsvTable open(LoadContext ctx, Reader reader) throws IOException {
        return CsvTable.open(reader, ctx.formatName(), ctx.delimiters(), COLUMNS, null);
    }

    @Override
    TradeVolumeRow row(CsvTable t, RowCheck check, LoadContext ctx) {
        String indicator = t.get("indicators").trim();
        String product = t.get("product").trim();
        if (!"VALUE_IN_EUROS".equals(indicator)) {
            ctx.tally().skip("indicator " + indicator + " (values in EUR are loaded)", t.line());
            return null;
        }
        if (!product.matches("[0-9]{6}")) {
            ctx.tally().skip("not an HS6 product (CN8 lines and HS2/HS4 totals would count twice)", t.line());
            return null;
        }
        if (!"M".equals(t.get("freq").trim())) {
            check.problem("freq", "not a monthly figure (M)", t.get("freq"));
        }
        if (!ctx.reference().hasProduct(product)) {
            check.problem("product", "HS6 " + product + " is not in the HS 2022 tree", product);
        }
        String flowCode = t.get("flow").trim();
        String flow = "1".equals(flowCode) ? "IMPORT" : "2".equals(flowCode) ? "EXPORT" : null;
        if (flow == null) {
            check.problem("flow", "not 1 (import) or 2 (export)", flowCode);
        }
        LocalDate start = null;
        try {
            start = YearMonth.parse(t.get("time_period").trim()).atDay(1);
            if (!check.inRange("TIME_PERIOD", start, t.get("time_period"))) {
                start = null;
            }
        } catch (DateTimeParseException e) {
            check.problem("TIME_PERIOD", "not a month such as 2023-04", t.get("time_period"));
        }
        BigDecimal value = StatisticsCodes.amount(t.get("obs_value"), "OBS_VALUE", check, true, 2);
        String reporter = alpha2(t.get("reporter"), ctx);
        String partner = alpha2(t.get("partner"), ctx);
        if (reporter == null) {
            check.problem("reporter", "not a country code", t.get("reporter"));
        }
        BigDecimal usd = start == null ? null : StatisticsCodes.rate("USD", "MONTH", start, "OBS_VALUE", check,
                ctx.reference());
        if (!check.ok()) {
            return null;
        }
        if (partner == null) {
            ctx.tally().skip("partner " + t.get("partner").trim() + " is an aggregate, not a country", t.line());
            return null;
        }
        if (reporter.equals(partner)) {
            ctx.tally().skip("reporter and partner are the same country", t.line());
            return null;
        }
        return new TradeVolumeRow(t.line(), reporter, partner, flow, "MONTH", start, start.plusMonths(1).minusDays(1),
                product, value, "EUR", BigDecimal.ONE, usd, "EXACT", null, null, null, null);
    }

    /** Eurostat's geo codes are ISO alpha-2 except Greece (EL) and the United Kingdom (UK). */
    private static String alpha2(String value, LoadContext ctx) {
        String code = value.trim();
        code = switch (code) {
            case "EL" -> "GR";
            case "UK" -> "GB";
            default -> code;
        };
        return code.matches("[A-Z]{2}") ? ctx.reference().country(code) : null;
    }
}
