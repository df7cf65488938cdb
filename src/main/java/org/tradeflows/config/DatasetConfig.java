package org.tradeflows.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The open datasets shipped with the service (reference data, the story dataset). */
@ConfigMapping(prefix = "tradeflows.dataset")
public interface DatasetConfig {

    /** Load the reference data and the open story dataset on first start (later starts find them and skip). */
    @WithDefault("true")
    boolean loadAtStart();
}
