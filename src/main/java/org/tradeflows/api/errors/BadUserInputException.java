package org.tradeflows.api.errors;

import io.smallrye.graphql.api.ErrorCode;

/** The request named something malformed or out of range: the message names the argument and the problem. */
@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends RuntimeException {
    public BadUserInputException(String message) {
        super(message);
    }
}
