package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.SupplyPathSearchRecord;

@Description("The bounds of a supply-path search and whether they cut it: when truncated, paths beyond the bounds "
        + "may exist that the answer does not hold; narrow the goods, the period or the ends.")
public record SupplyPathSearch(
        @NonNull @Description("Most hops on a path, as asked.") int maxHops,
        @NonNull @Description("Most days from one hop to the next, as asked.") int windowDays,
        @NonNull @Description("Onward hops followed from each company at each hop, the largest first.") int fanOut,
        @NonNull @Description("Partial paths the search explores at most, breadth first.") int maxCandidates,
        @NonNull @Description("Partial paths explored.") long explored,
        @NonNull @Description("Paths found (all pages).") long pathCount,
        @NonNull @Description("A company had more onward hops than the fan-out; the smaller ones were not followed.") boolean fanOutCut,
        @NonNull @Description("The search stopped at maxCandidates partial paths; longer paths were not all explored.") boolean candidatesCut,
        @NonNull @Description("fanOutCut or candidatesCut: the answer may miss paths.") boolean truncated) {

    public static SupplyPathSearch of(SupplyPathSearchRecord r) {
        return new SupplyPathSearch(r.maxHops(), r.windowDays(), r.fanOut(), r.maxCandidates(), r.explored(), r.found(),
                r.fanOutCut(), r.candidatesCut(), r.truncated());
    }
}
