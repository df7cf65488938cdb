package org.tradeflows.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tradeflows.api.engine.ErrorMessages;

/** The engine's coercion messages, rewritten without AST toStrings, library codes or class names. */
class ErrorMessagesTest {

    @Test
    void argumentValuesAreNamedPlainly() {
        assertThat(ErrorMessages.clean("argument 'first' with value 'StringValue{value='ten'}' is not a valid 'Int'"))
                .isEqualTo("first: not a valid Int");
        assertThat(ErrorMessages.clean("argument 'first' with value 'IntValue{value=-2147483648}' is not a valid 'Int' - "
                + "SRGQL000014: Expected value to be in the Int range but it was '-2147483648'"))
                .isEqualTo("first: not a valid Int (Expected value to be in the Int range but it was '-2147483648')");
        assertThat(ErrorMessages.clean("argument 'filter.countries[1]' with value 'IntValue{value=1}' is not a valid 'String' - "
                + "Expected an AST type of 'StringValue' but it was a 'IntValue'"))
                .isEqualTo("filter.countries[1]: not a valid String (expected a String but got a Int)");
        assertThat(ErrorMessages.clean("argument 'filter' with value 'StringValue{value='{\\n \"x\": 1}'}' is not a valid "
                + "'Unknown Scalar Type [org.tradeflows.input.CompanyFilter]'"))
                .isEqualTo("filter: not a valid CompanyFilter");
    }

    @Test
    void enumLiteralsAreNamedPlainly() {
        assertThat(ErrorMessages.clean("argument 'filter.authorities[0]' with value 'EnumValue{name='NOPE'}' is not a valid "
                + "'SanctionAuthority' - Literal value not in allowable values for enum 'SanctionAuthority' - 'EnumValue{name='NOPE'}'"))
                .isEqualTo("filter.authorities[0]: not a valid SanctionAuthority (Literal value not in allowable values for enum "
                        + "'SanctionAuthority' - 'NOPE')");
    }

    @Test
    void aNumberForADateAndJavaValueTypesAreNamedPlainly() {
        assertThat(ErrorMessages.clean("argument 'filter.periodFrom' with value 'IntValue{value=5}' is not a valid 'Date' - "
                + "Expected AST type 'IntValue' or 'StringValue' but was 'IntValue'."))
                .isEqualTo("filter.periodFrom: not a valid Date (write it as a string, YYYY-MM-DD)");
        assertThat(ErrorMessages.clean("Variable 'f' has an invalid value: Expected type [Date] but was [BigDecimal]."))
                .isEqualTo("Variable 'f' has an invalid value: Expected type [Date] but was a number.");
        assertThat(ErrorMessages.clean("Variable 'f' has an invalid value: Expected a Boolean input, but it was a 'BigDecimal'"))
                .isEqualTo("Variable 'f' has an invalid value: Expected a Boolean input, but it was a number");
        assertThat(ErrorMessages.clean("Variable 'f' has an invalid value: Expected a Boolean input, but it was a 'String'"))
                .isEqualTo("Variable 'f' has an invalid value: Expected a Boolean input, but it was a string");
    }

    @Test
    void classNamesAreCut() {
        assertThat(ErrorMessages.clean("Cannot coerce java.lang.String to org.example.Thing"))
                .isEqualTo("Cannot coerce String to Thing");
    }
}
