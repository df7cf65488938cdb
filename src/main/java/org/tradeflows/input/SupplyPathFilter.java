package org.tradeflows.input;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.ProductLevel;

@Input("SupplyPathFilter")
@Description("A supply-path question: chains of shipments from one end to the other whose goods could be the same.")
public record SupplyPathFilter(
        @NonNull @Description("Where the paths start: the supplier of their first hop.") PathEnd from,
        @NonNull @Description("Where the paths end: the recipient of their last hop; a path stops where it first reaches it.") PathEnd to,
        @Description("Only goods under these HS code prefixes (1 to 10 digits), on every hop.") List<String> hsCodes,
        @Description("Hops chain when their HS codes agree at this level (CHAPTER, HEADING or SUBHEADING; default "
                + "HEADING); shipments with a shorter code take no part.") ProductLevel level,
        @Description("First date of every hop (inclusive).") LocalDate periodFrom,
        @Description("Last date of every hop (inclusive).") LocalDate periodTo,
        @Description("Most hops on a path, 1 to 4 (default 3).") Integer maxHops,
        @Description("Most days from one hop to the next, 1 to 366 (default 90); the next hop is at least a day later.") Integer windowDays,
        @Description("Also follow synthetic (generated) shipments and listings, which are excluded by default.") Boolean includeSynthetic) {
}
