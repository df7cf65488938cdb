package org.tradeflows.input;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.tradeflows.query.CountryCriteria;

@Input("CountryFilter")
@Description("Filter for countries; all given conditions must hold.")
public record CountryFilter(
        @Description("Words in the name or official name, or a code (alpha-2, alpha-3), case-insensitive.") String search,
        @Description("UN M49 region name, e.g. Asia.") String region) implements CountryCriteria {
}
