package org.tradeflows.input;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.PeriodKind;
import org.tradeflows.model.ProductLevel;
import org.tradeflows.query.MirrorGapQuery;

/** Turns the investigation inputs a client sends into validated queries, naming the field of every problem. */
@ApplicationScoped
public class InvestigationFilters {

    /** The usual band of a mirror gap: importer's CIF 0–10 % above exporter's FOB, widened by 5 points for timing. */
    public static final BigDecimal BAND_LOW = new BigDecimal("-5");
    public static final BigDecimal BAND_HIGH = new BigDecimal("15");

    private final Codes codes;

    public InvestigationFilters(Codes codes) {
        this.codes = codes;
    }

    public MirrorGapQuery mirrorGaps(MirrorGapFilter f, String argument) {
        String a = argument + ".";
        if (f == null) {
            throw new BadUserInputException(argument + ": required, with an exporter and an importer");
        }
        String exporter = codes.country(a + "exporter", f.exporter());
        String importer = codes.country(a + "importer", f.importer());
        if (exporter.equals(importer)) {
            throw new BadUserInputException(a + "importer: must differ from the exporter (" + exporter + ")");
        }
        if (f.level() == ProductLevel.SECTION) {
            throw new BadUserInputException(a + "level: official figures carry HS codes; give CHAPTER, HEADING or "
                    + "SUBHEADING, or leave it empty for the all-goods totals");
        }
        Codes.checkYear(a + "yearFrom", f.yearFrom());
        Codes.checkYear(a + "yearTo", f.yearTo());
        if (f.yearFrom() != null && f.yearTo() != null && f.yearFrom() > f.yearTo()) {
            throw new BadUserInputException(a + "yearFrom: " + f.yearFrom() + " is after yearTo " + f.yearTo());
        }
        BigDecimal low = f.bandLowPercent() == null ? BAND_LOW : f.bandLowPercent();
        BigDecimal high = f.bandHighPercent() == null ? BAND_HIGH : f.bandHighPercent();
        if (low.compareTo(high) > 0) {
            throw new BadUserInputException(a + "bandLowPercent: " + low.toPlainString() + " is above bandHighPercent "
                    + high.toPlainString());
        }
        if (low.abs().compareTo(new BigDecimal("1000000")) > 0 || high.abs().compareTo(new BigDecimal("1000000")) > 0) {
            throw new BadUserInputException(a + "bandLowPercent: the band must lie within ±1000000 %");
        }
        Integer length = f.level() == null ? null : switch (f.level()) {
            case CHAPTER -> 2;
            case HEADING -> 4;
            default -> 6;
        };
        return new MirrorGapQuery(exporter, importer, prefixes(f.hsCodes(), a + "hsCodes"), length,
                f.periodKind() == null ? PeriodKind.YEAR : f.periodKind(), f.yearFrom(), f.yearTo(), low, high);
    }

    static List<String> prefixes(List<String> hs, String argument) {
        if (hs == null) {
            return List.of();
        }
        return IntStream.range(0, hs.size()).mapToObj(i -> Codes.productPrefix(argument + "[" + i + "]", hs.get(i))).toList();
    }
}
