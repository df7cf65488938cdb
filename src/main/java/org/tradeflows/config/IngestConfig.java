package org.tradeflows.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the upload endpoints under /ingest, which stream their bodies and so are not held to max-body-size. */
@ConfigMapping(prefix = "tradeflows.ingest")
public interface IngestConfig {

    /** Largest upload to /ingest/… in bytes; 0 for no limit (the body is streamed to the loader, never held whole). */
    @WithDefault("0")
    long maxUploadSize();
}
