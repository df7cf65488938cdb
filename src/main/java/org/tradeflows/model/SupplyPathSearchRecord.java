package org.tradeflows.model;

/**
 * What a supply-path search looked at and whether a bound cut it: partial paths explored, paths found, and whether
 * the fan-out cap (onward hops per company) or the candidate cap (partial paths in all) left paths unexplored.
 */
public record SupplyPathSearchRecord(int maxHops, int windowDays, int fanOut, int maxCandidates, long explored,
        long found, boolean fanOutCut, boolean candidatesCut) {

    public boolean truncated() {
        return fanOutCut || candidatesCut;
    }
}
