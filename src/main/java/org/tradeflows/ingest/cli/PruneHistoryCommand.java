package org.tradeflows.ingest.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.tradeflows.store.CompanyDataHistoryStore;
import org.tradeflows.store.TradeVolumeHistoryStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar target/quarkus-app/quarkus-run.jar prune-history --before DATE | --keep N [--dry-run]}: deletes
 * kept versions of official figures, sanctions and shipments that asOf no longer needs to answer for recent releases. History is kept for
 * ever unless this is run. Runs without Quarkus, on a plain JDBC connection, in one transaction.
 * Exit codes: 0 pruned (or dry run); 2 bad arguments; 3 failure.
 */
@Command(name = "prune-history", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Delete old versions of revised or withdrawn official figures, sanctions and shipments (asOf an "
                + "older release then no longer shows the versions deleted).")
public final class PruneHistoryCommand implements Callable<Integer> {

    static final class Which {
        @Option(names = "--before", paramLabel = "DATE", required = true,
                description = "delete versions superseded by a release published before this day (YYYY-MM-DD, UTC): "
                        + "asOf stays exact for dates from this day on")
        LocalDate before;

        @Option(names = "--keep", paramLabel = "N", required = true,
                description = "keep what asOf needs for the N newest releases (N >= 1), delete the rest")
        Integer keep;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--dry-run", description = "count what would be deleted, delete nothing")
    boolean dryRun;

    @Mixin
    CommandLines.DatabaseOptions db = new CommandLines.DatabaseOptions();

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    /** Runs the command and returns its exit code. */
    public static int run(String... args) {
        return CommandLines.execute("prune-history", new PruneHistoryCommand(), args);
    }

    @Override
    public Integer call() {
        if (which.keep != null && which.keep < 1) {
            err.println("prune-history: --keep must be 1 or more (the latest release needs no history)");
            return 2;
        }
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            long n = which.before != null ? TradeVolumeHistoryStore.pruneBefore(c, which.before, dryRun)
                    : TradeVolumeHistoryStore.pruneKeeping(c, which.keep, dryRun);
            CompanyDataHistoryStore.Pruned records = which.before != null
                    ? CompanyDataHistoryStore.pruneBefore(c, which.before, dryRun)
                    : CompanyDataHistoryStore.pruneKeeping(c, which.keep, dryRun);
            c.commit();
            String scope = which.before != null ? "superseded before " + which.before
                    : "not needed by the " + which.keep + " newest releases";
            out.println((dryRun ? "Dry run: would delete " : "Deleted ") + n + " kept versions of official figures, "
                    + records.sanctions() + " of sanctions and " + records.shipments() + " of shipments " + scope + ".");
            return 0;
        } catch (SQLException e) {
            err.println("prune-history: the database refused, nothing was deleted: " + e.getMessage());
            return 3;
        }
    }
}
