package org.tradeflows.model;

/** A well-formed code or id that names nothing in the data. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
