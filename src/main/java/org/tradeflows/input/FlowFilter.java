package org.tradeflows.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.tradeflows.model.ChplTier;
import org.tradeflows.model.CountryCodes;
import org.tradeflows.model.SanctionAuthority;

@Input("FlowFilter")
@Description("Which company-level flows (shipments) to include; all given conditions must hold. The same filter "
        + "serves `flows` and `shipments`, so a group's key added to the filter drills down to its shipments.")
public record FlowFilter(
        @Description("Only shipments dated (by their start) on or after this day.") LocalDate periodFrom,
        @Description("Only shipments dated (by their start) on or before this day.") LocalDate periodTo,
        @Id @Description("Only shipments from these suppliers (global ids).") List<String> suppliers,
        @Id @Description("Only shipments to these recipients (global ids).") List<String> recipients,
        @Description("Only shipments from suppliers in these countries (each an " + CountryCodes.ACCEPTED + ").") List<String> supplierCountries,
        @Description("Only shipments to recipients in these countries (each an " + CountryCodes.ACCEPTED + ").") List<String> recipientCountries,
        @Description("Only goods under these HS codes, each an " + Codes.HS_CODES + ".") List<String> hsCodes,
        @Description("Only goods whose HS6 is on the CHPL in these tiers.") List<ChplTier> chplTiers,
        @Description("Only goods in the curated topic with this key, e.g. drone-components.") String topic,
        @Description("True: only shipments whose recipient was under a confirmed sanction at the shipment's date; false: only those whose recipient was not.") Boolean recipientSanctioned,
        @Description("Only sanctions of these authorities count, for recipientSanctioned and the RECIPIENT_SANCTIONED dimension.") List<SanctionAuthority> sanctionAuthorities,
        @Description("True: only shipments that went through at least one intermediary; false: only direct ones.") Boolean throughIntermediary,
        @Description("Only shipments that went through an intermediary in one of these countries (each an " + CountryCodes.ACCEPTED + ").") List<String> intermediaryCountries,
        @Id @Description("Only shipments that went through one of these intermediary companies (global ids).") List<String> intermediaries,
        @Description("Only records of these sources (keys).") List<String> sources,
        @Description("Only shipments worth at least this much in EUR.") BigDecimal minValueEur,
        @Description("Also include synthetic (generated) shipments, which are excluded by default.") Boolean includeSynthetic) {

    public static FlowFilter none() {
        return new FlowFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }
}
