package org.tradeflows.ingest;

/**
 * A problem with the file as a whole (encoding, binary data, quoting, an over-long line, a bad header): loading
 * stops, nothing is written, and the message says what and where in words a curator can act on.
 */
public class IngestException extends RuntimeException {

    private final Long line;

    public IngestException(String message) {
        this(message, null);
    }

    public IngestException(String message, Long line) {
        super(message);
        this.line = line;
    }

    /** The line (1-based) where the problem was found, when there is one. */
    public Long line() {
        return line;
    }
}
