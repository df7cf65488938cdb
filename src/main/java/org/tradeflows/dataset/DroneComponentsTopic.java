package org.tradeflows.dataset;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tradeflows.store.TopicStore;

/**
 * The curated "drone components" topic: the goods of the story read as HS 2022 codes. The CHPL alone misses
 * most of them (engines, fibres), which is why curated topics exist beside it.
 */
final class DroneComponentsTopic {

    static final String KEY = "drone-components";
    static final String NAME = "Drone components";
    static final String DESCRIPTION = "Goods reported as sent from China to Russian drone makers: aircraft engines, "
            + "microchips, optics and camera lenses, glass fibre and carbon fibre, unmanned aircraft and their parts.";

    static final Map<String, String> PRODUCTS = new LinkedHashMap<>();
    static {
        PRODUCTS.put("840710", "Piston engines for aircraft (drone engines such as the Gerbera's)");
        PRODUCTS.put("8411", "Turbojets, turbo-propellers and gas turbines");
        PRODUCTS.put("6815", "Carbon fibre and articles of carbon fibre");
        PRODUCTS.put("681511", "Carbon fibres for non-electrical uses (carbon-fibre filaments)");
        PRODUCTS.put("7019", "Glass fibre (fiberglass)");
        PRODUCTS.put("8542", "Electronic integrated circuits (microchips)");
        PRODUCTS.put("9013", "Optical appliances and instruments n.e.c.");
        PRODUCTS.put("900211", "Camera lenses");
        PRODUCTS.put("8806", "Unmanned aircraft");
        PRODUCTS.put("880730", "Parts of aeroplanes, helicopters or unmanned aircraft");
    }

    private DroneComponentsTopic() {
    }

    static String fingerprint() {
        return KEY + NAME + DESCRIPTION + PRODUCTS;
    }

    static int upsert(Connection c, long sourceId) throws SQLException {
        TopicStore.replace(c, KEY, NAME, DESCRIPTION, sourceId, PRODUCTS);
        return PRODUCTS.size();
    }
}
