package org.tradeflows.input;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.SanctionAuthority;
import org.tradeflows.query.CompanyCriteria;

@Input("CompanyFilter")
@Description("Filter for companies; all given conditions must hold.")
public record CompanyFilter(
        @Description("Text in the name or any alias, case- and punctuation-insensitive, e.g. 'Ural'.") String search,
        @Description("Countries of the company (each an " + CountryCodes.ACCEPTED + ").") List<String> countries,
        @Description("True: only companies under a sanction in force at `sanctionedOn` (default today); false: only those without.") Boolean sanctioned,
        @Description("With `sanctioned`: only sanctions of these authorities count.") List<SanctionAuthority> sanctionAuthorities,
        @Description("With `sanctioned`: the date the sanction must be in force on (default today).") LocalDate sanctionedOn,
        @Description("Exact identifier value, e.g. an INN or unified social credit code.") String identifier,
        @Description("Special economic zone name, e.g. Alabuga.") String specialEconomicZone,
        @Description("Also include synthetic (generated) companies, which are excluded by default.") Boolean includeSynthetic) implements CompanyCriteria {
}
