package org.tradeflows.fetch;

/** Told how far a fetch has got: bytes downloaded (of the total, when the publisher says it) and rows read. */
@FunctionalInterface
public interface FetchProgress {

    FetchProgress NONE = (bytes, total, rows) -> {
    };

    /** Called often; must be cheap. {@code totalBytes} is -1 when unknown. */
    void progress(long bytes, long totalBytes, long rows);
}
