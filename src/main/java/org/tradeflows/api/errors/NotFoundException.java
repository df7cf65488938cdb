package org.tradeflows.api.errors;

import io.smallrye.graphql.api.ErrorCode;

/** A well-formed code or id that names nothing in the data. */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
