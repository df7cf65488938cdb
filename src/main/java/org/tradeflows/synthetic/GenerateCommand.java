package org.tradeflows.synthetic;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.tradeflows.store.DatabaseBootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code java -jar target/quarkus-app/quarkus-run.jar generate --shipments 10000000}: writes a deterministic synthetic
 * data set into the configured database (run the service once first, so that it is migrated and holds the HS tree).
 * Everything written is labelled synthetic; use a database of its own for benchmarks.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate synthetic shipments (labelled synthetic) into the configured database.")
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--name", description = "Name of the set; its source key is synthetic-<name> (default: ${DEFAULT-VALUE}).")
    String name = "bench";
    @Option(names = "--seed", description = "Random seed; the same seed gives the same rows (default: ${DEFAULT-VALUE}).")
    long seed = 1;
    @Option(names = "--shipments", description = "Number of shipments (default: ${DEFAULT-VALUE}).")
    int shipments = 100_000;
    @Option(names = "--companies", description = "Number of companies, half suppliers, half recipients (default: ${DEFAULT-VALUE}).")
    int companies = 20_000;
    @Option(names = "--from", description = "First date (default: ${DEFAULT-VALUE}).")
    LocalDate from = LocalDate.of(2015, 1, 1);
    @Option(names = "--to", description = "Last date (default: ${DEFAULT-VALUE}).")
    LocalDate to = LocalDate.of(2024, 12, 31);
    @Option(names = "--sanctioned-share", description = "Share of recipients under sanction (default: ${DEFAULT-VALUE}).")
    double sanctionedShare = 0.1;
    @Option(names = "--intermediary-share", description = "Share of shipments through an intermediary (default: ${DEFAULT-VALUE}).")
    double intermediaryShare = 0.15;
    @Option(names = "--chain-share", description = "Share of shipments that start a chain of 1 to 3 hops of the same goods "
            + "through companies of transit countries, for supply paths (default: ${DEFAULT-VALUE}, none).")
    double chainShare = 0;

    public static int run(String... args) {
        return new CommandLine(new GenerateCommand()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        var spec = new SyntheticShipments.Spec(name, seed, companies, shipments, from, to, sanctionedShare, intermediaryShare,
                chainShare);
        Instant start = Instant.now();
        try (Connection c = DatabaseBootstrap.fromConfig().connect()) {
            SyntheticShipments.Loaded loaded = SyntheticShipments.loadIfAbsent(c, spec,
                    done -> System.out.printf("  %,d of %,d shipments written%n", done, shipments));
            Duration took = Duration.between(start, Instant.now());
            if (!loaded.created()) {
                System.out.println("The set synthetic-" + name + " exists already (source " + loaded.sourceId() + "); nothing written.");
            } else {
                System.out.printf("Wrote %,d synthetic shipments and %,d companies as release %d in %s (%,.0f rows/s).%n",
                        shipments, companies, loaded.releaseId(), took, shipments / Math.max(0.001, took.toMillis() / 1000.0));
            }
            try (var st = c.createStatement()) {
                st.execute("analyze");
            }
        }
        return 0;
    }
}
