package org.tradeflows.ingest.volume;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tradeflows.ingest.IngestException;
import org.tradeflows.ingest.LoadContext;
import org.tradeflows.ingest.RowCheck;
import org.tradeflows.ingest.input.CsvTable;
import org.tradeflows.ingest.reference.ProductCodes;
import org.tradeflows.store.TradeVolumeRow;

/**
 * UN Comtrade bulk files, comma- or tab-separated, in the current layout (reporterISO, partnerISO, flowCode,
 * period, cmdCode, primaryValue, netWgt, qty, ...) or the legacy one (Reporter ISO, Trade Flow Code, Commodity
 * Code, Trade Value (US$), ...). Each row is what the reporter declared: exports (X) and imports (M) to and from a
 * partner country for a year or a month, by HS code or in total. Rows Tradeflows does not keep are skipped and
 * counted: partners that are aggregates (World, areas n.e.s.), re-exports and re-imports (already inside exports and
 * imports), and breakdowns by customs procedure, mode of transport or second partner (their totals are the rows).
 */
public final class ComtradeLoader extends TradeVolumeCsvLoader {

    private static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry("reporterIso", List.of("reporteriso", "reporter iso")),
            Map.entry("reporterCode", List.of("reportercode", "reporter code")),
            Map.entry("partnerIso", List.of("partneriso", "partner iso")),
            Map.entry("partnerCode", List.of("partnercode", "partner code")),
            Map.entry("flow", List.of("flowcode", "trade flow code")),
            Map.entry("period", List.of("period")),
            Map.entry("year", List.of("refyear", "year")),
            Map.entry("cmd", List.of("cmdcode", "commodity code")),
            Map.entry("value", List.of("primaryvalue", "trade value (us$)")),
            Map.entry("netWeight", List.of("netwgt", "netweight (kg)")),
            Map.entry("qty", List.of("qty")),
            Map.entry("qtyUnit", List.of("qtyunitabbr", "qty unit")),
            Map.entry("customs", List.of("customscode", "customs proc. code")),
            Map.entry("transport", List.of("motcode", "mode of transport code")),
            Map.entry("partner2", List.of("partner2code", "2nd partner code")),
            Map.entry("reported", List.of("isreported")),
            Map.entry("classification", List.of("classificationcode", "classification")));

    private Map<String, String> column;

    @Override
    CsvTable open(LoadContext ctx, Reader reader) throws IOException {
        CsvTable t = CsvTable.open(reader, ctx.formatName(), ctx.delimiters(), Set.of(), null);
        column = resolveColumns(t);
        return t;
    }

    private static Map<String, String> resolveColumns(CsvTable t) {
        Map<String, String> found = new java.util.HashMap<>();
        COLUMNS.forEach((logical, names) -> names.stream().filter(t::has).findFirst().ifPresent(n -> found.put(logical, n)));
        StringBuilder missing = new StringBuilder();
        for (String[] need : new String[][] {{"reporterIso", "reporterCode"}, {"partnerIso", "partnerCode"}, {"flow"},
                {"period", "year"}, {"cmd"}, {"value"}}) {
            boolean present = false;
            for (String n : need) {
                present |= found.containsKey(n);
            }
            if (!present) {
                missing.append(missing.length() == 0 ? "" : ", ").append(COLUMNS.get(need[0]).get(0));
            }
        }
        if (missing.length() > 0) {
            throw new IngestException("The header lacks the UN Comtrade column(s) " + missing + " (the current bulk layout "
                    + "has reporterISO, partnerISO, flowCode, period, cmdCode, primaryValue).", 1L);
        }
        return found;
    }

    private String get(CsvTable t, String logical) {
        String name = column.get(logical);
        return name == null ? "" : t.get(name);
    }

    @Override
    TradeVolumeRow row(CsvTable t, RowCheck check, LoadContext ctx) {
        StatisticsCodes.Country reporter = country(t, "reporterIso", "reporterCode", check, ctx);
        StatisticsCodes.Country partner = country(t, "partnerIso", "partnerCode", check, ctx);
        String flowCode = get(t, "flow");
        String flow = switch (flowCode.toUpperCase()) {
            case "X", "2" -> "EXPORT";
            case "M", "1" -> "IMPORT";
            case "" -> {
                check.problem(column.get("flow"), "required value is missing", flowCode);
                yield null;
            }
            default -> "SKIP";
        };
        String period = get(t, "period");
        if (period.isEmpty()) {
            period = get(t, "year");
        }
        LocalDate start = null;
        LocalDate end = null;
        String kind = null;
        String periodColumn = column.getOrDefault("period", column.get("year"));
        if (period.matches("[0-9]{4}")) {
            start = StatisticsCodes.year(period, periodColumn, check);
            end = start == null ? null : start.withMonth(12).withDayOfMonth(31);
            kind = "YEAR";
        } else if (period.matches("[0-9]{6}") && Integer.parseInt(period.substring(4)) >= 1
                && Integer.parseInt(period.substring(4)) <= 12) {
            YearMonth month = YearMonth.of(Integer.parseInt(period.substring(0, 4)), Integer.parseInt(period.substring(4)));
            start = check.inRange(periodColumn, month.atDay(1), period) ? month.atDay(1) : null;
            end = month.atEndOfMonth();
            kind = "MONTH";
        } else {
            check.problem(periodColumn, "not a period (YYYY or YYYYMM)", period);
        }
        String cmd = get(t, "cmd");
        String productCode = null;
        if (!cmd.equalsIgnoreCase("TOTAL")) {
            ProductCodes.Resolution product = ProductCodes.resolve(cmd, ctx.reference());
            if (product.problem() != null) {
                check.problem(column.get("cmd"), product.problem(), cmd);
            }
            productCode = product.productCode();
        }
        BigDecimal value = StatisticsCodes.amount(get(t, "value"), column.get("value"), check, true, 2);
        BigDecimal weight = StatisticsCodes.amount(get(t, "netWeight"), column.get("netWeight"), check, false, 3);
        BigDecimal qty = StatisticsCodes.amount(get(t, "qty"), column.get("qty"), check, false, 3);
        String unit = get(t, "qtyUnit");
        if (unit.isEmpty() || unit.equalsIgnoreCase("N/A") || unit.equals("-1")) {
            unit = null;
            qty = null;
        }
        BigDecimal rate = start == null ? null : StatisticsCodes.rate("USD", kind, start, column.get("value"), check,
                ctx.reference());
        if (!check.ok()) {
            return null;
        }
        String skip = reporter.skip() != null ? "reporter: " + reporter.skip()
                : partner.skip() != null ? "partner: " + partner.skip()
                : "SKIP".equals(flow) ? "flow " + flowCode + " (re-exports, re-imports and other flows are inside X and M)"
                : !code(get(t, "customs"), "C00") ? "a breakdown by customs procedure"
                : !code(get(t, "transport"), "0") ? "a breakdown by mode of transport"
                : !code(get(t, "partner2"), "0") ? "a breakdown by second partner"
                : reporter.code().equals(partner.code()) ? "reporter and partner are the same country" : null;
        if (skip != null) {
            ctx.tally().skip(skip, t.line());
            return null;
        }
        String reported = get(t, "reported");
        String qualifier = reported.equalsIgnoreCase("false") || reported.equals("0") ? "ESTIMATED" : "EXACT";
        String classification = get(t, "classification");
        return new TradeVolumeRow(t.line(), reporter.code(), partner.code(), flow, kind, start, end, productCode, value,
                "USD", rate, rate, qualifier, weight, qty, qty == null ? null : unit,
                classification.isEmpty() ? null : "UN Comtrade, classification " + classification);
    }

    private static boolean code(String value, String total) {
        return value.isEmpty() || value.equalsIgnoreCase(total);
    }

    private StatisticsCodes.Country country(CsvTable t, String iso, String numeric, RowCheck check, LoadContext ctx) {
        String isoValue = get(t, iso);
        if (!isoValue.isEmpty()) {
            String alpha2 = ctx.reference().country(isoValue.trim());
            if (alpha2 != null && isoValue.trim().length() == 3) {
                return new StatisticsCodes.Country(alpha2, null);
            }
            if (!column.containsKey(numeric) || get(t, numeric).isEmpty()) {
                return StatisticsCodes.alpha3(isoValue, column.get(iso), check, ctx.reference());
            }
            // Comtrade's own codes for groups (W00 World, EUR the EU, S19 Other Asia n.e.s.): the numeric code decides
            StatisticsCodes.Country byNumber = StatisticsCodes.numeric(get(t, numeric), column.get(numeric), check,
                    ctx.reference());
            return byNumber.code() != null ? byNumber
                    : new StatisticsCodes.Country(null, "'" + isoValue.trim() + "' (code " + get(t, numeric)
                            + ") is an aggregate, not a country");
        }
        if (column.containsKey(numeric)) {
            return StatisticsCodes.numeric(get(t, numeric), column.get(numeric), check, ctx.reference());
        }
        check.problem(column.get(iso), "required value is missing", isoValue);
        return new StatisticsCodes.Country(null, null);
    }
}
