package org.tradeflows;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.tradeflows.db.DatabaseBootstrap;

/**
 * Entry point: {@code generate ...} writes synthetic shipments without starting the service; otherwise it creates the
 * service's database when it is missing, then starts Quarkus.
 */
@QuarkusMain
public class TradeflowsMain {

    public static void main(String... args) {
        if (args.length > 0 && "generate".equals(args[0])) {
            System.exit(org.tradeflows.synthetic.GenerateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        DatabaseBootstrap.fromConfig().ensureDatabaseExists();
        Quarkus.run(args);
    }
}
