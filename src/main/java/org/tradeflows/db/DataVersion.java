package org.tradeflows.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The data version: a number every committed change to the data bumps (V6__data_version.sql). Caches key on it. */
@ApplicationScoped
public class DataVersion {

    private final Jdbc jdbc;

    public DataVersion(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        return jdbc.count("select version from data_version", List.of());
    }
}
