package org.tradeflows.query;

import java.util.List;

/**
 * A validated re-routing question: goods from {@code origin} to {@code destination} going round through other
 * countries, compared between the year before and the year after a date, over official figures of one code length,
 * one source (null: each source separately), and optionally only the given transit countries.
 */
public record TransitRouteQuery(String origin, String destination, List<String> via, List<String> hsPrefixes,
        int hsLength, int yearBefore, int yearAfter, Long sourceId) {
}
