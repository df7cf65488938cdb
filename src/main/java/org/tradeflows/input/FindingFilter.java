package org.tradeflows.input;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.tradeflows.model.CompanyRole;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.FindingKind;
import org.tradeflows.query.FindingCriteria;

@Input("FindingFilter")
@Description("Filter for findings; all given conditions must hold.")
public record FindingFilter(
        @Description("Only findings of these kinds.") List<FindingKind> kinds,
        @Id @Description("Only findings about this company (global id), in any role.") String company,
        @Description("With `company`: only in these roles.") List<CompanyRole> companyRoles,
        @Description("Only findings about these countries (each an " + CountryCodes.ACCEPTED + "), in any role.") List<String> countries,
        @Description("Only findings about products under this HS code prefix (or a section numeral).") String productCode,
        @Description("Only findings from the source with this key.") String source,
        @Description("Only findings whose period overlaps one starting on or after this date.") LocalDate periodFrom,
        @Description("Only findings whose period overlaps one ending on or before this date.") LocalDate periodTo,
        @Description("True: only confirmed findings; false: only unconfirmed ones.") Boolean confirmed,
        @Description("Words in the statement or quote.") String search,
        @Description("Also include synthetic (generated) findings, which are excluded by default.") Boolean includeSynthetic) implements FindingCriteria {
}
