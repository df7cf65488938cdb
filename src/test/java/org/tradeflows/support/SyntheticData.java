package org.tradeflows.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.tradeflows.synthetic.SyntheticShipments;

/** Generated shipment sets for tests: each test class names its own, so classes never see each other's rows. */
public final class SyntheticData {

    private SyntheticData() {
    }

    public static SyntheticShipments.Loaded load(AgroalDataSource dataSource, String name, long seed, int companies,
            int shipments) {
        return load(dataSource, name, seed, companies, shipments, 0);
    }

    /** A set of which a share of shipments start chains through transit countries (SyntheticShipments.Spec). */
    public static SyntheticShipments.Loaded load(AgroalDataSource dataSource, String name, long seed, int companies,
            int shipments, double chainShare) {
        var spec = new SyntheticShipments.Spec(name, seed, companies, shipments, LocalDate.of(2021, 1, 1),
                LocalDate.of(2024, 12, 31), 0.4, 0.15, chainShare);
        try (Connection c = dataSource.getConnection()) {
            return SyntheticShipments.loadIfAbsent(c, spec);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
