package org.tradeflows.api.types;

import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.ValueQualifier;

@Description("An amount of money as its source gives it: value, currency and precision.")
public record Money(
        @NonNull @Description("The amount in units of the currency (not thousands or millions).") BigDecimal amount,
        @NonNull @Description("ISO 4217 currency code.") String currency,
        @NonNull @Description("Precision of the amount as the source gives it.") ValueQualifier qualifier,
        @NonNull @Description("The amount as a reader would say it, e.g. 'at least EUR 55 million'.") String text) {

    public static Money of(BigDecimal amount, String currency, ValueQualifier qualifier) {
        return new Money(amount, currency, qualifier, FigureText.money(amount, currency, qualifier));
    }

    /** A sum in EUR as a figure, or null when there is no sum. */
    public static Money eur(BigDecimal amount, ValueQualifier qualifier) {
        return amount == null ? null : of(amount, "EUR", qualifier);
    }
}
