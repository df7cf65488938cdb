package org.tradeflows.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The mappings start beside the @ConfigProperty readers of the same keys and give the values the service runs with
 * today: the defaults those readers state (none of these keys is set in application.properties).
 */
@QuarkusTest
class ConfigMappingsTest {

    @Inject
    AnswerCacheConfig answerCache;
    @Inject
    ResponseCacheConfig responseCache;
    @Inject
    RollupsConfig rollups;
    @Inject
    IngestConfig ingest;
    @Inject
    DatasetConfig dataset;

    @Test
    void theDefaultsAreTheOnesInForce() {
        assertThat(answerCache.enabled()).isTrue();
        assertThat(answerCache.maxRows()).isEqualTo(200_000);
        assertThat(responseCache.enabled()).isTrue();
        assertThat(responseCache.maxSize().asLongValue()).isEqualTo(64L * 1024 * 1024);
        assertThat(rollups.enabled()).isTrue();
        assertThat(ingest.maxUploadSize()).isZero();
        assertThat(dataset.loadAtStart()).isTrue();
    }
}
