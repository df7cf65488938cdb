package org.tradeflows.input;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.tradeflows.model.CountryCodes;

@Input("PathEnd")
@Description("One end of a supply path: exactly one of a company, a country, or any company under a sanction in force "
        + "at the date of the hop that touches it.")
public record PathEnd(
        @Id @Description("A company's id.") String company,
        @Description("A country (an " + CountryCodes.ACCEPTED + "): the country the shipments declare.") String country,
        @Description("true: any company under a confirmed listing in force at the hop's date (as sanctionsExposure).")
        Boolean sanctioned) {
}
