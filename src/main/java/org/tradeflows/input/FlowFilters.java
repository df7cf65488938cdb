package org.tradeflows.input;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.Printable;
import org.tradeflows.model.SourceRecord;
import org.tradeflows.query.ShipmentScope;
import org.tradeflows.store.SourceStore;

/** Turns the FlowFilter a client sends into a validated ShipmentScope, naming the field of every problem. */
@ApplicationScoped
public class FlowFilters {

    /** The largest amount a value column holds (numeric(20, 2)); a larger minimum is a mistake, not an empty result. */
    static final BigDecimal MAX_EUR = new BigDecimal("999999999999999999.99");

    private final Codes codes;
    private final SourceStore sourceSql;
    private final KnownNames names;

    public FlowFilters(Codes codes, SourceStore sourceSql, KnownNames names) {
        this.codes = codes;
        this.sourceSql = sourceSql;
        this.names = names;
    }

    public ShipmentScope scope(FlowFilter f, String argument) {
        if (f == null) {
            return ShipmentScope.all();
        }
        String a = argument + ".";
        if (f.periodFrom() != null && f.periodTo() != null && f.periodFrom().isAfter(f.periodTo())) {
            throw new BadUserInputException(a + "periodFrom: " + f.periodFrom() + " is after periodTo " + f.periodTo());
        }
        List<String> prefixes = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        List<String> hs = orEmpty(f.hsCodes());
        for (int i = 0; i < hs.size(); i++) {
            String code = Codes.productCode(a + "hsCodes[" + i + "]", hs.get(i));
            (Character.isDigit(code.charAt(0)) ? prefixes : sections).add(code);
        }
        if (f.minValueEur() != null && f.minValueEur().compareTo(BigDecimal.ZERO) < 0) {
            throw new BadUserInputException(a + "minValueEur: must not be negative");
        }
        if (f.minValueEur() != null && f.minValueEur().compareTo(MAX_EUR) > 0) {
            throw new BadUserInputException(a + "minValueEur: " + Printable.of(f.minValueEur().toString())
                    + " is larger than any stored value can be (at most " + MAX_EUR.toPlainString() + ")");
        }
        List<Long> sources = sourceIds(orEmpty(f.sources()), a + "sources");
        return new ShipmentScope(f.periodFrom(), f.periodTo(),
                ids(f.suppliers(), a + "suppliers"), ids(f.recipients(), a + "recipients"),
                orEmpty(codes.countries(a + "supplierCountries", f.supplierCountries())),
                orEmpty(codes.countries(a + "recipientCountries", f.recipientCountries())),
                prefixes, sections, names(f.chplTiers()), names.topic(a + "topic", f.topic()),
                f.recipientSanctioned(), names(f.sanctionAuthorities()), f.throughIntermediary(),
                orEmpty(codes.countries(a + "intermediaryCountries", f.intermediaryCountries())),
                ids(f.intermediaries(), a + "intermediaries"), sources, f.minValueEur(),
                Boolean.TRUE.equals(f.includeSynthetic()));
    }

    /** Source keys resolved to ids here, so that the database plans with the actual values. */
    private List<Long> sourceIds(List<String> keys, String argument) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String name = argument + "[" + i + "]";
            String key = Codes.text(name, keys.get(i), 100);
            ids.add(sourceSql.byKey(key).map(SourceRecord::id).orElseThrow(() -> names.unknownSource(name, key)));
        }
        return ids;
    }

    private static List<Long> ids(List<String> ids, String argument) {
        if (ids == null) {
            return List.of();
        }
        return IntStream.range(0, ids.size())
                .mapToObj(i -> GlobalId.numeric(ids.get(i), "Company", argument + "[" + i + "]")).toList();
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).toList();
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
