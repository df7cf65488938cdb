package org.tradeflows.input;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.ProductLevel;

@Input("TransitRouteFilter")
@Description("A re-routing question: goods from an origin to a destination, through which transit countries, "
        + "compared between a year before and a year after a date (e.g. a sanctions package).")
public record TransitRouteFilter(
        @NonNull @Description("Where the goods come from (an " + CountryCodes.ACCEPTED + ").") String origin,
        @NonNull @Description("Where the goods end up (an " + CountryCodes.ACCEPTED + ").") String destination,
        @Description("Only these transit countries, each shown when it has a figure on either leg (the other leg then "
                + "empty); default: every country with figures on both legs.") List<String> via,
        @Description("Only goods under these HS code prefixes (1 to 10 digits).") List<String> hsCodes,
        @Description("Read figures at this HS level (CHAPTER, HEADING or SUBHEADING; default CHAPTER); finer ones are "
                + "not summed up.") ProductLevel level,
        @NonNull @Description("The year before the date.") Integer yearBefore,
        @NonNull @Description("The year after the date.") Integer yearAfter,
        @Description("Only figures of the source with this key; default: each source separately.") String source) {
}
