package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.SupplyPathRecord;

@Description("A chain of shipments whose goods could be the same, from one end to the other, with the value at every hop.")
public record SupplyPath(
        @NonNull @Description("Number of hops.") int hopCount,
        @Description("The value carried end to end: the least hop value in EUR; empty when a hop has no EUR value.") BigDecimal valueEur,
        @NonNull @Description("The country the first hop's shipments declare as the supplier's.") String originCountry,
        @NonNull @Description("The hops, first to last.") List<@NonNull SupplyHop> hops) {

    public static SupplyPath of(SupplyPathRecord r) {
        return new SupplyPath(r.hops().size(), r.valueEur(), r.originCountry(), r.hops().stream().map(SupplyHop::of).toList());
    }
}
