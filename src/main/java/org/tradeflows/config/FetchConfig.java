package org.tradeflows.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * Fetching from the publishers (README, "Real data by one command"): where each publisher's files are, and the
 * scheduled refresh, off unless a source is given a cron expression. The fetch command (which runs without the
 * service) reads the same keys with the same defaults, the constants below.
 */
@ConfigMapping(prefix = "tradeflows.fetch")
public interface FetchConfig {

    /** CEPII's download directory for BACI, as linked from its BACI page (cepii.fr, bdd_modele_item id=37). */
    String BACI_URL = "https://www.cepii.fr/DATA_DOWNLOAD/baci/data/";
    /** BACI's January 2025 release (HS22 edition: years 2022-2023). */
    String BACI_VERSION = "202501";

    /** UN Comtrade's API (comtradeapi.un.org: /data/v1/get with a key, /public/v1/preview without). */
    String COMTRADE_URL = "https://comtradeapi.un.org";
    /** The API's cap per call with a subscription key. */
    int COMTRADE_RECORDS_PER_CALL = 100_000;
    /** The preview endpoint's cap per call (no key). */
    int COMTRADE_PREVIEW_RECORDS_PER_CALL = 500;
    /** A free key's daily call budget. */
    int COMTRADE_DAILY_CALLS = 500;
    /** The environment variable read for the subscription key when tradeflows.fetch.comtrade.subscription-key is unset. */
    String COMTRADE_KEY_VARIABLE = "COMTRADE_SUBSCRIPTION_KEY";

    /** OpenSanctions' dataset directory: {@code {url}{dataset}/index.json} names the latest version's files. */
    String OPENSANCTIONS_URL = "https://data.opensanctions.org/datasets/latest/";
    /** The consolidated sanctions collection. */
    String OPENSANCTIONS_DATASET = "sanctions";
    /** The export loaded: targets.simple.csv (CSV loader) or entities.ftm.json (FollowTheMoney loader). */
    String OPENSANCTIONS_RESOURCE = "targets.simple.csv";
    /** The ECB Data Portal's SDMX REST API (data-api.ecb.europa.eu, successor of sdw-wsrest). */
    String ECB_URL = "https://data-api.ecb.europa.eu/service/data/";
    /** The currencies fetched when none are asked for. */
    String ECB_CURRENCIES = "USD,CNY,RUB";
    /** The first month fetched when none is asked for. */
    String ECB_FROM = "2021-01";

    /** Eurostat's Comext dissemination API (SDMX 2.1 REST); {@code DS-045409/{key}?format=SDMX-CSV} is appended. */
    String COMEXT_URL = "https://ec.europa.eu/eurostat/api/comext/dissemination/sdmx/2.1/data/";

    Baci baci();

    Comtrade comtrade();

    Comext comext();

    OpenSanctions opensanctions();

    Ecb ecb();

    /** When a source's last fetch failed, readiness is DOWN (true) or UP with the failure in its details (false). */
    @WithDefault("false")
    boolean failedRunMakesUnready();

    /** Scheduled fetches by source name ({@code tradeflows.fetch.schedule.baci.cron=...}); none by default. */
    Map<String, Schedule> schedule();

    interface Baci {
        /** The directory holding {@code BACI_HS22_V{version}.zip}. */
        @WithDefault(BACI_URL)
        String url();

        /** The BACI version fetched when none is asked for (YYYYMM, as CEPII names its releases). */
        @WithDefault(BACI_VERSION)
        String version();
    }

    interface Comtrade {
        /** The API's root; the connector adds /data/v1/get/C/{A|M}/HS (with a key) or /public/v1/preview/C/{A|M}/HS. */
        @WithDefault(COMTRADE_URL)
        String url();

        /** The subscription key; unset: the environment variable COMTRADE_SUBSCRIPTION_KEY; neither: the preview. */
        Optional<String> subscriptionKey();

        /** Records per call at most with a key: a call answering this many is split. */
        @WithDefault("100000")
        int recordsPerCall();

        /** Records per call at most on the preview endpoint (no key). */
        @WithDefault("500")
        int previewRecordsPerCall();

        /** Calls per day (UTC) at most, over all Comtrade fetches; when spent a fetch stops PAUSED. */
        @WithDefault("500")
        int dailyCalls();

        /** Times a call answered 429 (too many requests) is tried again before the fetch fails. */
        @WithDefault("5")
        int retries();

        /** The longest wait before trying again after a 429 (Retry-After, else 1, 2, 4 ... seconds). */
        @WithDefault("60S")
        java.time.Duration maxWait();
    }

    interface OpenSanctions {
        /** The directory holding {@code {dataset}/index.json}. */
        @WithDefault(OPENSANCTIONS_URL)
        String url();

        /** The dataset fetched when none is asked for. */
        @WithDefault(OPENSANCTIONS_DATASET)
        String dataset();

        /** The export loaded: targets.simple.csv or entities.ftm.json. */
        @WithDefault(OPENSANCTIONS_RESOURCE)
        String resource();
    }

    interface Comext {
        /** The SDMX REST data endpoint of Comext. */
        @WithDefault(COMEXT_URL)
        String url();
    }

    interface Ecb {
        /** The SDMX REST data endpoint; {@code EXR/{key}?format=csvdata&startPeriod=...} is appended. */
        @WithDefault(ECB_URL)
        String url();

        /** ISO 4217 codes fetched when none are asked for. */
        @WithDefault(ECB_CURRENCIES)
        String currencies();

        /** The first month (YYYY-MM) fetched when none is asked for. */
        @WithDefault(ECB_FROM)
        String from();
    }

    interface Schedule {
        /** Quartz-style cron expression (seconds first), e.g. {@code 0 0 3 ? * MON}; "off" disables it. */
        @WithDefault("off")
        String cron();

        /** The filter, as the command's options take it. */
        Optional<String> years();

        Optional<String> exporters();

        Optional<String> importers();

        Optional<String> hs();
    }
}
