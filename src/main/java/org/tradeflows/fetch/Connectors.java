package org.tradeflows.fetch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.tradeflows.config.FetchConfig;
import java.time.Duration;
import org.tradeflows.fetch.baci.BaciConnector;
import org.tradeflows.fetch.comtrade.ComtradeConnector;

/** The publishers that can be fetched, by name, each at its configured address. */
public final class Connectors {

    private final Map<String, Connector> byName = new LinkedHashMap<>();

    private Connectors(Connector... connectors) {
        for (Connector c : connectors) {
            byName.put(c.name(), c);
        }
    }

    /** The service's connectors, from its configuration mapping. */
    public static Connectors of(FetchConfig config) {
        FetchConfig.Comtrade ct = config.comtrade();
        return new Connectors(new BaciConnector(config.baci().url(), config.baci().version()),
                new ComtradeConnector(new ComtradeConnector.Settings(ct.url(), () -> ct.subscriptionKey()
                        .orElseGet(() -> System.getenv(FetchConfig.COMTRADE_KEY_VARIABLE)), ct.recordsPerCall(),
                        ct.previewRecordsPerCall(), ct.dailyCalls(), ct.retries(), ct.maxWait())));
    }

    /**
     * The fetch command's connectors: it runs without the service, so it reads the same keys (environment variables
     * such as TRADEFLOWS_FETCH_BACI_URL included) with the mapping's defaults; {@code baciUrl}, when given, replaces the configured address.
     */
    public static Connectors of(Config config, String baciUrl) {
        return of(config, "baci", baciUrl, null, false);
    }

    /**
     * As {@link #of(Config, String)}; {@code url}, when given, replaces the address of {@code source} only, and
     * {@code comtradeDailyCalls}, when given, the configured daily call budget of UN Comtrade; {@code comtradePreview}
     * uses Comtrade's keyless preview endpoint even when a key is set.
     */
    public static Connectors of(Config config, String source, String url, Integer comtradeDailyCalls,
            boolean comtradePreview) {
        boolean baci = "baci".equalsIgnoreCase(source == null ? "" : source.trim());
        boolean comtrade = ComtradeConnector.NAME.equalsIgnoreCase(source == null ? "" : source.trim());
        String p = "tradeflows.fetch.comtrade.";
        return new Connectors(new BaciConnector(baci && url != null ? url
                : config.getOptionalValue("tradeflows.fetch.baci.url", String.class).orElse(FetchConfig.BACI_URL),
                config.getOptionalValue("tradeflows.fetch.baci.version", String.class).orElse(FetchConfig.BACI_VERSION)),
                new ComtradeConnector(new ComtradeConnector.Settings(comtrade && url != null ? url
                        : config.getOptionalValue(p + "url", String.class).orElse(FetchConfig.COMTRADE_URL),
                        () -> comtradePreview ? null : config.getOptionalValue(p + "subscription-key", String.class)
                                .orElseGet(() -> System.getenv(FetchConfig.COMTRADE_KEY_VARIABLE)),
                        config.getOptionalValue(p + "records-per-call", Integer.class)
                                .orElse(FetchConfig.COMTRADE_RECORDS_PER_CALL),
                        config.getOptionalValue(p + "preview-records-per-call", Integer.class)
                                .orElse(FetchConfig.COMTRADE_PREVIEW_RECORDS_PER_CALL),
                        comtradeDailyCalls != null ? comtradeDailyCalls
                                : config.getOptionalValue(p + "daily-calls", Integer.class).orElse(FetchConfig.COMTRADE_DAILY_CALLS),
                        config.getOptionalValue(p + "retries", Integer.class).orElse(5),
                        config.getOptionalValue(p + "max-wait", Duration.class).orElse(Duration.ofSeconds(60)))));
    }

    public Connector byName(String name) {
        Connector c = name == null ? null : byName.get(name.trim().toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new FetchException(FetchException.BAD_REQUEST, "Unknown source '" + name + "'; the sources that can be "
                    + "fetched are: " + String.join(", ", byName.keySet()));
        }
        return c;
    }

    public Iterable<String> names() {
        return byName.keySet();
    }
}
