package org.tradeflows.model;

import java.math.BigDecimal;

/** An amount of money as its source states it: value, currency and precision; the API's Money is made from it. */
public record AmountRecord(BigDecimal amount, String currency, ValueQualifier qualifier) {
}
