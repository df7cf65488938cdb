package org.tradeflows.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The cache of aggregate statement results, keyed by statement, values and data version (AnswerCache). */
@ConfigMapping(prefix = "tradeflows.answer-cache")
public interface AnswerCacheConfig {

    /** Whether aggregate answers are kept at all; off, every request runs its statements. */
    @WithDefault("true")
    boolean enabled();

    /** Most result rows held across all kept answers (each answer weighs its rows plus one). */
    @WithDefault("200000")
    long maxRows();
}
