package org.tradeflows.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;

/** A mapping with nothing set: its code defaults alone, read with Quarkus's converters ("60S", "64M") and no Quarkus. */
public final class CodeDefaults {

    private CodeDefaults() {
    }

    public static <T> T of(Class<T> mapping) {
        return new SmallRyeConfigBuilder().withMapping(mapping)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .build().getConfigMapping(mapping);
    }
}
