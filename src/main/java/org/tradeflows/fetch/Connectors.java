package org.tradeflows.fetch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.tradeflows.config.FetchConfig;
import java.time.Duration;
import org.tradeflows.fetch.baci.BaciConnector;
import org.tradeflows.fetch.comtrade.ComtradeConnector;
import org.tradeflows.fetch.comext.ComextConnector;
import org.tradeflows.fetch.ecb.EcbConnector;
import org.tradeflows.fetch.opensanctions.OpenSanctionsConnector;

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
                        ct.previewRecordsPerCall(), ct.dailyCalls(), ct.retries(), ct.maxWait())),
                new OpenSanctionsConnector(config.opensanctions().url(), config.opensanctions().dataset(),
                        config.opensanctions().resource()),
                new EcbConnector(config.ecb().url(), config.ecb().currencies(), config.ecb().from()),
                new ComextConnector(config.comext().url()));
    }

    /**
     * The fetch command's connectors: it runs without the service, so it reads the same keys (environment variables
     * such as TRADEFLOWS_FETCH_BACI_URL included) with the mapping's defaults; {@code url}, when given, replaces the
     * configured address of {@code source}.
     */
    public static Connectors of(Config config, String baciUrl) {
        return of(config, "baci", baciUrl, null, false);
    }

    /** As {@link #of(Config, String, String, Integer, boolean)} with Comtrade's configured budget and endpoint. */
    public static Connectors of(Config config, String source, String url) {
        return of(config, source, url, null, false);
    }

    /**
     * The command's connectors, from the configuration; {@code url}, when given, replaces the address of {@code source}
     * only, and {@code comtradeDailyCalls}, when given, the configured daily call budget of UN Comtrade;
     * {@code comtradePreview} uses Comtrade's keyless preview endpoint even when a key is set.
     */
    public static Connectors of(Config config, String source, String url, Integer comtradeDailyCalls,
            boolean comtradePreview) {
        String s = source == null ? "" : source.trim().toLowerCase(Locale.ROOT);
        String p = "tradeflows.fetch.comtrade.";
        return new Connectors(
                new BaciConnector(address(config, s, url, BaciConnector.NAME, FetchConfig.BACI_URL),
                        value(config, "tradeflows.fetch.baci.version", FetchConfig.BACI_VERSION)),
                new ComtradeConnector(new ComtradeConnector.Settings(
                        address(config, s, url, ComtradeConnector.NAME, FetchConfig.COMTRADE_URL),
                        () -> comtradePreview ? null : config.getOptionalValue(p + "subscription-key", String.class)
                                .orElseGet(() -> System.getenv(FetchConfig.COMTRADE_KEY_VARIABLE)),
                        config.getOptionalValue(p + "records-per-call", Integer.class)
                                .orElse(FetchConfig.COMTRADE_RECORDS_PER_CALL),
                        config.getOptionalValue(p + "preview-records-per-call", Integer.class)
                                .orElse(FetchConfig.COMTRADE_PREVIEW_RECORDS_PER_CALL),
                        comtradeDailyCalls != null ? comtradeDailyCalls
                                : config.getOptionalValue(p + "daily-calls", Integer.class).orElse(FetchConfig.COMTRADE_DAILY_CALLS),
                        config.getOptionalValue(p + "retries", Integer.class).orElse(5),
                        config.getOptionalValue(p + "max-wait", Duration.class).orElse(Duration.ofSeconds(60)))),
                new OpenSanctionsConnector(address(config, s, url, OpenSanctionsConnector.NAME, FetchConfig.OPENSANCTIONS_URL),
                        value(config, "tradeflows.fetch.opensanctions.dataset", FetchConfig.OPENSANCTIONS_DATASET),
                        value(config, "tradeflows.fetch.opensanctions.resource", FetchConfig.OPENSANCTIONS_RESOURCE)),
                new EcbConnector(address(config, s, url, EcbConnector.NAME, FetchConfig.ECB_URL),
                        value(config, "tradeflows.fetch.ecb.currencies", FetchConfig.ECB_CURRENCIES),
                        value(config, "tradeflows.fetch.ecb.from", FetchConfig.ECB_FROM)),
                new ComextConnector(address(config, s, url, ComextConnector.NAME, FetchConfig.COMEXT_URL)));
    }

    private static String address(Config config, String source, String url, String name, String fallback) {
        return url != null && source.equals(name) ? url : value(config, "tradeflows.fetch." + name + ".url", fallback);
    }

    private static String value(Config config, String key, String fallback) {
        return config.getOptionalValue(key, String.class).orElse(fallback);
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
