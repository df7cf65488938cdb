package org.tradeflows;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.tradeflows.db.DatabaseBootstrap;

/** Entry point: creates the service's database when it is missing, then starts Quarkus. */
@QuarkusMain
public class TradeflowsMain {

    public static void main(String... args) {
        DatabaseBootstrap.fromConfig().ensureDatabaseExists();
        Quarkus.run(args);
    }
}
