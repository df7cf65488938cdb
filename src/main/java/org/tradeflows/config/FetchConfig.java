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

    Baci baci();

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
