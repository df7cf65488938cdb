package org.tradeflows.fetch;

import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What to take from a publisher's data: years, exporters (reporters), importers (partners) and HS codes or chapters
 * (a code matches every product it starts). Empty means all. Countries are ISO 3166 alpha-3 (or alpha-2) codes. Its text form
 * ({@link #toString}) is canonical, so that two fetches asking for the same data are recognised as the same.
 */
public record FetchFilter(SortedSet<Integer> years, SortedSet<String> exporters, SortedSet<String> importers,
        SortedSet<String> hs) {

    public static final FetchFilter ALL = new FetchFilter(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());

    public FetchFilter {
        years = new TreeSet<>(years);
        exporters = new TreeSet<>(exporters);
        importers = new TreeSet<>(importers);
        hs = new TreeSet<>(hs);
    }

    /**
     * Reads the filter as the command line and the API give it: years as "2021-2023", "2021-" (to this year) or
     * "2021,2023"; countries as "CHN,RUS"; HS as "84,85,8806,880240".
     */
    public static FetchFilter parse(String years, String exporters, String importers, String hs) {
        return new FetchFilter(years(years), countries("exporters", exporters), countries("importers", importers),
                hsCodes(hs));
    }

    public static FetchFilter of(List<Integer> years, List<String> exporters, List<String> importers, List<String> hs) {
        return parse(join(years), join(exporters), join(importers), join(hs));
    }

    private static String join(List<?> values) {
        return values == null ? null : String.join(",", values.stream().map(String::valueOf).toList());
    }

    public boolean yearWanted(int year) {
        return years.isEmpty() || years.contains(year);
    }

    public boolean productWanted(String hs6) {
        return hs.isEmpty() || hs.stream().anyMatch(hs6::startsWith);
    }

    @Override
    public String toString() {
        return "years=" + String.join(",", years.stream().map(String::valueOf).toList()) + ";exporters="
                + String.join(",", exporters) + ";importers=" + String.join(",", importers) + ";hs=" + String.join(",", hs);
    }

    private static List<String> items(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static SortedSet<Integer> years(String text) {
        SortedSet<Integer> out = new TreeSet<>();
        int thisYear = Year.now().getValue();
        for (String item : items(text)) {
            String[] range = item.split("-", -1);
            try {
                if (range.length == 1) {
                    out.add(year(range[0], thisYear));
                } else if (range.length == 2) {
                    int from = year(range[0], thisYear);
                    int to = range[1].isEmpty() ? thisYear : year(range[1], thisYear);
                    if (to < from) {
                        throw bad("years: " + item + " ends before it starts");
                    }
                    for (int y = from; y <= to; y++) {
                        out.add(y);
                    }
                } else {
                    throw bad("years: '" + item + "' is not a year or a range such as 2021-2023");
                }
            } catch (NumberFormatException e) {
                throw bad("years: '" + item + "' is not a year or a range such as 2021-2023");
            }
        }
        return out;
    }

    private static int year(String text, int thisYear) {
        int y = Integer.parseInt(text.trim());
        if (y < 1988 || y > thisYear) {
            throw bad("years: " + y + " is outside 1988-" + thisYear);
        }
        return y;
    }

    private static SortedSet<String> countries(String what, String text) {
        SortedSet<String> out = new TreeSet<>();
        for (String item : items(text)) {
            String code = item.toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{2,3}")) {
                throw bad(what + ": '" + item + "' is not an ISO 3166 code such as CHN or RUS (alpha-3) or DE (alpha-2)");
            }
            out.add(code);
        }
        return out;
    }

    private static SortedSet<String> hsCodes(String text) {
        SortedSet<String> out = new TreeSet<>();
        for (String item : items(text)) {
            if (!item.matches("[0-9]{2}([0-9]{2}([0-9]{2})?)?")) {
                throw bad("hs: '" + item + "' is not an HS chapter, heading or subheading (2, 4 or 6 digits)");
            }
            out.add(item);
        }
        return out;
    }

    private static FetchException bad(String message) {
        return new FetchException(FetchException.BAD_REQUEST, message);
    }

    /** The filter's countries that the reference data does not know, for a message. */
    public List<String> unknownCountries(Predicate<String> known) {
        List<String> out = new ArrayList<>();
        exporters.stream().filter(c -> !known.test(c)).forEach(out::add);
        importers.stream().filter(c -> !known.test(c) && !out.contains(c)).forEach(out::add);
        return out;
    }
}
