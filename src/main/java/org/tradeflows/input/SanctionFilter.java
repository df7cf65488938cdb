package org.tradeflows.input;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.SanctionAuthority;
import org.tradeflows.query.SanctionCriteria;

@Input("SanctionFilter")
@Description("Filter for sanctions; all given conditions must hold.")
public record SanctionFilter(
        @Description("Only listings by these authorities.") List<SanctionAuthority> authorities,
        @Description("Only listings of companies of these countries (each an " + CountryCodes.ACCEPTED + ").") List<String> companyCountries,
        @Description("Only listings in force on this date.") LocalDate inForceOn,
        @Description("True: only confirmed listings; false: only reported ones.") Boolean confirmed,
        @Description("Also include synthetic (generated) listings, which are excluded by default.") Boolean includeSynthetic) implements SanctionCriteria {
}
