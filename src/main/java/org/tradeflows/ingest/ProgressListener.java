package org.tradeflows.ingest;

/** Told how far a load has got: rows read and bytes of the file read. Called often; must be cheap. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (rows, bytes) -> {
    };

    void progress(long rows, long bytes);
}
