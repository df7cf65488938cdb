package org.tradeflows.model;

/** The request named something malformed or out of range: the message names the argument and the problem. */
public class BadUserInputException extends RuntimeException {
    public BadUserInputException(String message) {
        super(message);
    }
}
