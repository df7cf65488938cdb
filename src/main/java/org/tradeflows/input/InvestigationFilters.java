package org.tradeflows.input;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.PeriodKind;
import org.tradeflows.model.ProductLevel;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.Printable;
import org.tradeflows.query.MirrorGapQuery;
import org.tradeflows.query.SupplyPathQuery;
import org.tradeflows.query.SupplyPathSql;
import org.tradeflows.query.TransitRouteQuery;
import org.tradeflows.store.CompanyStore;
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
    private final CompanyStore companies;

    public InvestigationFilters(Codes codes, KnownNames names, SourceStore sources, CompanyStore companies) {
        this.codes = codes;
        this.names = names;
        this.sources = sources;
        this.companies = companies;
    }

    public SupplyPathQuery supplyPaths(SupplyPathFilter f, String argument) {
        String a = argument + ".";
        if (f == null) {
            throw new BadUserInputException(argument + ": required, with a from and a to");
        }
        SupplyPathQuery.End from = end(f.from(), a + "from");
        SupplyPathQuery.End to = end(f.to(), a + "to");
        if (from.companyId() != null && from.companyId().equals(to.companyId())) {
            throw new BadUserInputException(a + "to: must differ from the company of from; a path never passes a "
                    + "company twice");
        }
        int maxHops = f.maxHops() == null ? 3 : f.maxHops();
        if (maxHops < 1 || maxHops > SupplyPathSql.MAX_HOPS) {
            throw new BadUserInputException(a + "maxHops: must be 1 to " + SupplyPathSql.MAX_HOPS + ", got " + maxHops);
        }
        int window = f.windowDays() == null ? 90 : f.windowDays();
        if (window < 1 || window > 366) {
            throw new BadUserInputException(a + "windowDays: must be 1 to 366, got " + window);
        }
        if (f.periodFrom() != null && f.periodTo() != null && f.periodFrom().isAfter(f.periodTo())) {
            throw new BadUserInputException(a + "periodFrom: " + f.periodFrom() + " is after periodTo " + f.periodTo());
        }
        return new SupplyPathQuery(from, to, prefixes(f.hsCodes(), a + "hsCodes"),
                length(f.level() == null ? ProductLevel.HEADING : f.level(), a + "level"), f.periodFrom(), f.periodTo(),
                maxHops, window, Boolean.TRUE.equals(f.includeSynthetic()));
    }

    private SupplyPathQuery.End end(PathEnd end, String argument) {
        if (end == null) {
            throw new BadUserInputException(argument + ": required: a company, a country or sanctioned: true");
        }
        int given = (end.company() == null ? 0 : 1) + (end.country() == null ? 0 : 1) + (end.sanctioned() == null ? 0 : 1);
        if (given != 1) {
            throw new BadUserInputException(argument + ": give exactly one of company, country or sanctioned: true");
        }
        if (end.company() != null) {
            long id = GlobalId.numeric(end.company(), "Company", argument + ".company");
            return companies.byIds(List.of(id)).stream().findFirst().map(e -> SupplyPathQuery.End.company(e.getValue().id()))
                    .orElseThrow(() -> new BadUserInputException(argument + ".company: no company has the id '"
                            + Printable.of(end.company()) + "'"));
        }
        if (end.country() != null) {
            return SupplyPathQuery.End.country(codes.country(argument + ".country", end.country()));
        }
        if (!end.sanctioned()) {
            throw new BadUserInputException(argument + ".sanctioned: only true is meaningful; give a company or a "
                    + "country instead");
        }
        return SupplyPathQuery.End.anySanctioned();
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
