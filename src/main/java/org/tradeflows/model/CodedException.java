package org.tradeflows.model;

/**
 * A refusal or failure with its own {@code extensions.code} (for example FETCH_ALREADY_RUNNING): the message is the
 * user's, written for them, and is shown as it is.
 */
public class CodedException extends RuntimeException {

    private final String code;

    public CodedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public CodedException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
