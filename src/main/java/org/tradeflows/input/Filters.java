package org.tradeflows.input;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.FlowDimension;

/**
 * The one home of the checks on the filters and groupings that GraphQL and the exports share: both call these, so an
 * export takes exactly what the GraphQL field takes and refuses the rest with the same message. (Flow filters have
 * their own home, {@link FlowFilters}, since they resolve to a ShipmentScope.)
 */
@ApplicationScoped
public class Filters {

    /** The most dimensions a flows grouping may have; the schema's description says the same. */
    public static final int MAX_DIMENSIONS = 6;

    private final Codes codes;
    private final KnownNames names;

    public Filters(Codes codes, KnownNames names) {
        this.codes = codes;
        this.names = names;
    }

    /** The dimensions in the order given, each once; more than {@link #MAX_DIMENSIONS} is refused. */
    public static List<FlowDimension> dimensions(List<FlowDimension> groupBy) {
        List<FlowDimension> dims = groupBy == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(groupBy));
        if (dims.size() > MAX_DIMENSIONS) {
            throw new BadUserInputException("groupBy: at most " + MAX_DIMENSIONS + " dimensions, got " + dims.size());
        }
        return dims;
    }

    public CompanyFilter company(CompanyFilter f) {
        if (f == null) {
            return null;
        }
        return new CompanyFilter(Codes.text("filter.search", f.search(), 200), codes.countries("filter.countries", f.countries()),
                f.sanctioned(), f.sanctionAuthorities(), f.sanctionedOn(), Codes.text("filter.identifier", f.identifier(), 100),
                Codes.text("filter.specialEconomicZone", f.specialEconomicZone(), 200), f.includeSynthetic());
    }

    public FindingFilter finding(FindingFilter f) {
        if (f == null) {
            return null;
        }
        return new FindingFilter(f.kinds(), f.company(), f.companyRoles(), codes.countries("filter.countries", f.countries()),
                f.productCode() == null ? null : Codes.productCode("filter.productCode", f.productCode()),
                names.source("filter.source", f.source()), f.periodFrom(), f.periodTo(), f.confirmed(),
                Codes.text("filter.search", f.search(), 200), f.includeSynthetic());
    }

    public TradeVolumeFilter tradeVolume(TradeVolumeFilter f) {
        if (f == null) {
            return null;
        }
        Codes.checkYear("filter.yearFrom", f.yearFrom());
        Codes.checkYear("filter.yearTo", f.yearTo());
        return new TradeVolumeFilter(codes.countries("filter.reporters", f.reporters()),
                codes.countries("filter.partners", f.partners()), f.flows(), f.yearFrom(), f.yearTo(),
                f.productCode() == null ? null : Codes.productPrefix("filter.productCode", f.productCode()), f.allGoods(),
                names.source("filter.source", f.source()));
    }
}
