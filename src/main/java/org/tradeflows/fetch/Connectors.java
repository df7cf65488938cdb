package org.tradeflows.fetch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.tradeflows.config.FetchConfig;
import org.tradeflows.fetch.baci.BaciConnector;

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
        return new Connectors(new BaciConnector(config.baci().url(), config.baci().version()));
    }

    /**
     * The fetch command's connectors: it runs without the service, so it reads the same keys (environment variables
     * such as TRADEFLOWS_FETCH_BACI_URL included) with the mapping's defaults; {@code baciUrl}, when given, replaces the configured address.
     */
    public static Connectors of(Config config, String baciUrl) {
        return new Connectors(new BaciConnector(baciUrl != null ? baciUrl
                : config.getOptionalValue("tradeflows.fetch.baci.url", String.class).orElse(FetchConfig.BACI_URL),
                config.getOptionalValue("tradeflows.fetch.baci.version", String.class).orElse(FetchConfig.BACI_VERSION)));
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
