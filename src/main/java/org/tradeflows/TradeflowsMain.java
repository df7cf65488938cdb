package org.tradeflows;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import org.tradeflows.fetch.cli.FetchCommand;
import org.tradeflows.ingest.cli.LoadCommand;
import org.tradeflows.ingest.cli.PruneHistoryCommand;
import org.tradeflows.store.DatabaseBootstrap;
import org.tradeflows.synthetic.GenerateCommand;

/**
 * Entry point: {@code load ...} runs the maintainer's load command, {@code fetch ...} fetches from a publisher,
 * {@code prune-history ...} deletes old versions of official figures, and {@code generate ...} writes synthetic
 * shipments, all without starting the service; otherwise it creates the service's database when it is missing,
 * then starts Quarkus.
 */
@QuarkusMain
public class TradeflowsMain {

    public static void main(String... args) {
        if (args.length > 0 && "load".equals(args[0])) {
            System.exit(LoadCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "fetch".equals(args[0])) {
            System.exit(FetchCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "prune-history".equals(args[0])) {
            System.exit(PruneHistoryCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "generate".equals(args[0])) {
            System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        DatabaseBootstrap.fromConfig().ensureDatabaseExists();
        Quarkus.run(args);
    }
}
