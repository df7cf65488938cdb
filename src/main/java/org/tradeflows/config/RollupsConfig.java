package org.tradeflows.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether flow aggregates may be answered from the rollup tables (kept by triggers) instead of the shipments. */
@ConfigMapping(prefix = "tradeflows.rollups")
public interface RollupsConfig {

    /** On, an aggregate reads the coarsest rollup that answers it exactly; off, every aggregate scans shipments. */
    @WithDefault("true")
    boolean enabled();
}
