package org.tradeflows.fetch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.tradeflows.config.FetchConfig;
import org.tradeflows.fetch.baci.BaciConnector;
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
        return new Connectors(new BaciConnector(config.baci().url(), config.baci().version()),
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
    public static Connectors of(Config config, String source, String url) {
        String s = source == null ? "" : source.trim().toLowerCase(Locale.ROOT);
        return new Connectors(
                new BaciConnector(address(config, s, url, BaciConnector.NAME, FetchConfig.BACI_URL),
                        value(config, "tradeflows.fetch.baci.version", FetchConfig.BACI_VERSION)),
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
