package org.tradeflows.api.types;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.AmountRecord;
import org.tradeflows.model.ValueQualifier;

/**
 * An amount as its source gives it, or as Tradeflows converted it to EUR. The qualifier stays the source's precision
 * (a converted "at least" is still a lower bound) and {@code converted} says separately that it was converted, since
 * one enum for both would lose one of them.
 */
@Description("An amount of money: value, currency and precision, and whether Tradeflows converted it from the "
        + "currency its source gave (then `conversions` lists the rates used).")
public record Money(
        @NonNull @Description("The amount in units of the currency (not thousands or millions).") BigDecimal amount,
        @NonNull @Description("ISO 4217 currency code.") String currency,
        @NonNull @Description("Precision of the amount as its source gives it; a conversion keeps it (see `converted`).") ValueQualifier qualifier,
        @Description("True when Tradeflows converted the amount from the currency its source gave, at the ECB rates in "
                + "`conversions`; false when the amount is in the source's own currency; empty for sums of shipments, "
                + "which are converted shipment by shipment (the ECB monthly average of each shipment's month) and "
                + "whose rates are not listed per sum.") Boolean converted,
        @NonNull @Description("The amount as a reader would say it, e.g. 'at least EUR 55 million' or "
                + "'EUR 226.177 billion, converted from USD'.") String text,
        @Ignore List<String> rateKeys) {

    public static Money of(BigDecimal amount, String currency, ValueQualifier qualifier) {
        return new Money(amount, currency, qualifier, false, FigureText.money(amount, currency, qualifier), List.of());
    }

    /** A sum of shipments in EUR as a figure, or null when there is no sum; whether it was converted is not tracked. */
    public static Money eur(BigDecimal amount, ValueQualifier qualifier) {
        return amount == null ? null : new Money(amount, "EUR", qualifier, null,
                FigureText.money(amount, "EUR", qualifier), List.of());
    }

    /**
     * An amount in EUR made from figures whose conversions have these keys ({@code currency/period kind/period start},
     * see model.RateUsed); no keys means every figure was in EUR. Null when there is no amount.
     */
    public static Money eur(BigDecimal amount, ValueQualifier qualifier, List<String> rateKeys) {
        if (amount == null) {
            return null;
        }
        List<String> keys = rateKeys == null ? List.of() : rateKeys.stream().filter(Objects::nonNull).toList();
        String text = FigureText.money(amount, "EUR", qualifier);
        if (!keys.isEmpty()) {
            TreeSet<String> from = new TreeSet<>(keys.stream().map(k -> k.substring(0, k.indexOf('/'))).toList());
            text += ", converted from " + String.join(", ", from);
        }
        return new Money(amount, "EUR", qualifier, !keys.isEmpty(), text, keys);
    }

    /** A stated amount as a figure, or null when there is none. */
    public static Money of(AmountRecord r) {
        return r == null ? null : of(r.amount(), r.currency(), r.qualifier());
    }
}
