package org.tradeflows.input;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.PeriodKind;
import org.tradeflows.model.ProductLevel;
import org.tradeflows.model.GlobalId;
import org.tradeflows.query.MirrorGapQuery;
import org.tradeflows.query.TransitRouteQuery;
import org.tradeflows.store.SourceStore;

/** Turns the investigation inputs a client sends into validated queries, naming the field of every problem. */
@ApplicationScoped
public class InvestigationFilters {

    /** The usual band of a mirror gap: importer's CIF 0–10 % above exporter's FOB, widened by 5 points for timing. */
    public static final BigDecimal BAND_LOW = new BigDecimal("-5");
    public static final BigDecimal BAND_HIGH = new BigDecimal("15");

    private final Codes codes;
    private final KnownNames names;
    private final SourceStore sources;

    public InvestigationFilters(Codes codes, KnownNames names, SourceStore sources) {
        this.codes = codes;
        this.names = names;
        this.sources = sources;
    }

    public TransitRouteQuery transitRoutes(TransitRouteFilter f, String argument) {
        String a = argument + ".";
        if (f == null) {
            throw new BadUserInputException(argument + ": required, with an origin, a destination and two years");
        }
        String origin = codes.country(a + "origin", f.origin());
        String destination = codes.country(a + "destination", f.destination());
        if (origin.equals(destination)) {
            throw new BadUserInputException(a + "destination: must differ from the origin (" + origin + ")");
        }
        if (f.yearBefore() == null || f.yearAfter() == null) {
            throw new BadUserInputException(a + (f.yearBefore() == null ? "yearBefore" : "yearAfter") + ": required");
        }
        Codes.checkYear(a + "yearBefore", f.yearBefore());
        Codes.checkYear(a + "yearAfter", f.yearAfter());
        if (f.yearBefore() >= f.yearAfter()) {
            throw new BadUserInputException(a + "yearBefore: " + f.yearBefore() + " is not before yearAfter " + f.yearAfter());
        }
        Long source = null;
        if (f.source() != null) {
            String key = Codes.text(a + "source", f.source(), 100);
            source = sources.byKey(key).map(s -> s.id())
                    .orElseThrow(() -> names.unknownSource(a + "source", key));
        }
        List<String> via = f.via() == null ? List.of() : codes.countries(a + "via", f.via());
        return new TransitRouteQuery(origin, destination, via, prefixes(f.hsCodes(), a + "hsCodes"),
                length(f.level() == null ? ProductLevel.CHAPTER : f.level(), a + "level"), f.yearBefore(), f.yearAfter(),
                source);
    }

    private static int length(ProductLevel level, String argument) {
        return switch (level) {
            case CHAPTER -> 2;
            case HEADING -> 4;
            case SUBHEADING -> 6;
            case SECTION -> throw new BadUserInputException(argument + ": official figures carry HS codes; give CHAPTER, "
                    + "HEADING or SUBHEADING");
        };
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
        Integer length = f.level() == null ? null : length(f.level(), a + "level");
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
