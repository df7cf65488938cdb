package org.tradeflows.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.tradeflows.api.types.Conversion;
import org.tradeflows.api.types.Money;
import org.tradeflows.api.types.SourceType;
import org.tradeflows.api.types.TradeVolume;
import org.tradeflows.model.GlobalId;
import org.tradeflows.model.RateUsed;
import org.tradeflows.store.ConversionStore;
import org.tradeflows.store.SourceStore;

/** The rates behind converted amounts: `Money.conversions` and `Conversion.source`, each batched. */
@GraphQLApi
public class ConversionApi {

    private final ConversionStore conversions;
    private final SourceStore sources;

    public ConversionApi(ConversionStore conversions, SourceStore sources) {
        this.conversions = conversions;
        this.sources = sources;
    }

    /** Computed from the figure itself (its value, period and EUR value); the rate is read by `conversions`. */
    @Name("valueInEur")
    @Description("The value in EUR as a figure: converted at the ECB rate of its period (a year's figure at the annual "
            + "average, a month's at the monthly average; `conversions` says which), or as published when in EUR; "
            + "empty where no rate is known.")
    public List<Money> valueInEur(@Source List<TradeVolume> figures) {
        return figures.stream().map(t -> Money.eur(t.valueEur(), t.value().qualifier(), Collections.singletonList(
                RateUsed.keyOf(t.value().currency(), t.periodKind().name(), t.period().start(), t.valueEur() != null))))
                .toList();
    }

    /** One statement for the amounts of a whole answer; figures that share a rate (four quarters, one year) list it once. */
    @Name("conversions")
    @NonNull
    @Description("The exchange rates the amount was converted at, one per currency and rate period (empty when not "
            + "converted). A sum over several periods or currencies lists each rate used.")
    public List<@NonNull List<@NonNull Conversion>> conversions(@Source List<Money> monies) {
        Collection<String> keys = new LinkedHashSet<>();
        monies.forEach(m -> keys.addAll(m.rateKeys()));
        Map<String, RateUsed> byKey = new HashMap<>();
        conversions.byKeys(keys).forEach(r -> byKey.put(r.key(), r));
        List<List<Conversion>> out = new ArrayList<>(monies.size());
        for (Money m : monies) {
            Map<String, Conversion> distinct = new LinkedHashMap<>();
            for (String key : m.rateKeys()) {
                RateUsed r = byKey.get(key);
                if (r != null) {
                    distinct.putIfAbsent(r.currency() + "/" + r.kind() + "/" + r.periodStart(), Conversion.of(r));
                }
            }
            out.add(new ArrayList<>(distinct.values()));
        }
        return out;
    }

    @Name("source")
    @Description("Who published the rate (the European Central Bank for the shipped rates).")
    public List<SourceType> conversionSource(@Source List<Conversion> list) {
        return Batch.one(list, Conversion::sourceId, SourceType.of(sources.byIds(Batch.keys(list, Conversion::sourceId))),
                s -> GlobalId.dbId(s.id()));
    }
}
