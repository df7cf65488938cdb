package org.tradeflows.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The mappings give the values the service runs with: their code defaults, since application.properties sets none of
 * these keys outside %test (the rate limits there are the %test overrides, which the test profile applies).
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
    @Inject
    LimitsConfig limits;
    @Inject
    HttpConfig http;
    @Inject
    FetchConfig fetch;

    @Test
    void fetchingDefaultsToCepiisOwnDirectoryAndNoSchedule() {
        FetchConfig defaults = CodeDefaults.of(FetchConfig.class);
        assertThat(defaults.baci().url()).isEqualTo("https://www.cepii.fr/DATA_DOWNLOAD/baci/data/");
        assertThat(defaults.baci().version()).isEqualTo("202501");
        assertThat(defaults.schedule()).isEmpty();
        assertThat(defaults.failedRunMakesUnready()).isFalse();
        // the tests fetch from the replayed publisher on loopback (support/Publishers), never from the internet
        assertThat(fetch.baci().url()).startsWith("http://127.0.0.1:");
        assertThat(fetch.schedule()).isEmpty();
    }

    @Test
    void theRateLimitDefaultsAreTheOnesInForceOutsideTests() {
        LimitsConfig defaults = CodeDefaults.of(LimitsConfig.class);
        assertThat(defaults.rateLimit().anonymous()).isEqualTo(600);
        assertThat(defaults.rateLimit().reader()).isEqualTo(6000);
        assertThat(defaults.rateLimit().curator()).isEqualTo(6000);
        assertThat(defaults.rateLimit().admin()).isEqualTo(6000);
    }

    @Test
    void theDefaultsAreTheOnesInForce() {
        assertThat(answerCache.enabled()).isTrue();
        assertThat(answerCache.maxRows()).isEqualTo(200_000);
        assertThat(responseCache.enabled()).isTrue();
        assertThat(responseCache.maxSize().asLongValue()).isEqualTo(64L * 1024 * 1024);
        assertThat(rollups.enabled()).isTrue();
        assertThat(ingest.maxUploadSize()).isZero();
        assertThat(dataset.loadAtStart()).isTrue();
        assertThat(limits.maxDepth()).isEqualTo(20);
        assertThat(limits.maxCost()).isEqualTo(25_000);
        assertThat(limits.maxFields()).isEqualTo(2_000);
        assertThat(limits.requestTimeout()).isEqualTo(java.time.Duration.ofSeconds(12));
        assertThat(limits.statementTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(limits.cacheMaxAge()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(limits.rateLimit().enabled()).isTrue();
        assertThat(limits.rateLimit().paths()).containsExactly("/graphql", "/export");
        assertThat(limits.rateLimit().window()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(limits.rateLimit().anonymous()).isEqualTo(1_000_000); // the %test override
        assertThat(http.maxRequestLine()).isEqualTo(4096);
        assertThat(http.maxHeaderSize().asLongValue()).isEqualTo(20 * 1024);
    }
}
