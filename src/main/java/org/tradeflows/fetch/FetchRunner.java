package org.tradeflows.fetch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.tradeflows.model.FetchState;
import org.tradeflows.store.FetchRunStore;

/**
 * Runs fetches and keeps their fetch_run rows: used by the fetch command (plain JDBC, before and without Quarkus)
 * and by the service (pooled connections). The run's row is written on its own connection in short transactions,
 * the load on another in one transaction, so a failed fetch leaves its FAILED run and none of its rows.
 */
public final class FetchRunner {

    private static final Logger LOG = Logger.getLogger(FetchRunner.class);
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    /** Where connections come from (the pool, or DriverManager for the command). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** How a run ended: its state, and either the outcome or the error's code and message. */
    public record Result(long runId, FetchState state, FetchOutcome outcome, String errorCode, String errorMessage) {
    }

    private final Connections connections;
    private final Connectors connectors;

    public FetchRunner(Connections connections, Connectors connectors) {
        this.connections = connections;
        this.connectors = connectors;
    }

    public Connectors connectors() {
        return connectors;
    }

    /** Queues a run, or refuses with FETCH_ALREADY_RUNNING while another is queued or running. */
    public long queue(FetchRequest request, String requestedBy) {
        Connector connector = connectors.byName(request.source());
        connector.version(request); // a bad version is refused before a run is made
        try (Connection c = connections.open()) {
            if (FetchRunStore.tryLock(c)) {
                try {
                    FetchRunStore.failAbandoned(c, FetchException.INTERRUPTED, "The process running this fetch ended "
                            + "before it did; nothing of it was loaded.");
                } finally {
                    FetchRunStore.unlock(c);
                }
            }
            Optional<Long> id = FetchRunStore.queue(c, connector.name(), request.describe(), request.dryRun(),
                    requestedBy);
            return id.orElseThrow(() -> new FetchException(FetchException.FETCH_ALREADY_RUNNING, "Another fetch is queued "
                    + "or running; one fetch runs at a time. Follow it in fetchRuns and start this one when it has ended."));
        } catch (SQLException e) {
            LOG.errorf(e, "Could not queue a fetch of %s", request.source());
            throw new FetchException(FetchException.FETCH_FAILED, "The fetch could not be queued: the database refused it.");
        }
    }

    /** Runs a queued run to its end; failures end in its FAILED row and the result, never in an exception. */
    public Result execute(long runId, FetchRequest request, FetchProgress alsoTell) {
        Connector connector = connectors.byName(request.source());
        String version = connector.version(request);
        String url = connector.url(request);
        try (Connection book = connections.open()) {
            boolean locked = FetchRunStore.tryLock(book);
            try {
                return execute(book, runId, connector, request, version, url, alsoTell);
            } finally {
                if (locked) {
                    FetchRunStore.unlock(book);
                }
            }
        } catch (SQLException e) {
            LOG.errorf(e, "Could not record fetch run %d", runId);
            return new Result(runId, FetchState.FAILED, null, FetchException.FETCH_FAILED,
                    "The fetch could not be recorded: the database is unreachable or refused it.");
        }
    }

    private Result execute(Connection book, long runId, Connector connector, FetchRequest request, String version,
            String url, FetchProgress alsoTell) throws SQLException {
        {
            FetchRunStore.started(book, runId, version, url);
            long[] last = {System.nanoTime(), 0, 0};
            FetchProgress progress = (bytes, total, rows) -> {
                alsoTell.progress(bytes, total, rows);
                long now = System.nanoTime();
                if (now - last[0] >= PROGRESS_EVERY_NANOS) {
                    last[0] = now;
                    try {
                        FetchRunStore.progress(book, runId, bytes, total < 0 ? null : total, rows);
                    } catch (SQLException e) {
                        LOG.warnf("Could not record the progress of fetch run %d: %s", runId, e.getMessage());
                    }
                }
                last[1] = bytes;
                last[2] = rows;
            };
            try {
                FetchOutcome outcome;
                try (Connection load = connections.open()) {
                    outcome = connector.fetch(load, request, progress);
                }
                if (outcome.upstreamVersion() != null && !outcome.upstreamVersion().equals(version)) {
                    FetchRunStore.resolved(book, runId, outcome.upstreamVersion(), outcome.url());
                }
                FetchRunStore.finished(book, runId, outcome.state(), outcome.bytes(), outcome.rowsRead(),
                        outcome.rowsLoaded(), outcome.releaseId(), null, null, outcome.message());
                return new Result(runId, outcome.state(), outcome, null, null);
            } catch (FetchException e) {
                LOG.warnf("Fetch run %d of %s failed: %s %s", runId, request.source(), e.code(), e.getMessage());
                FetchRunStore.finished(book, runId, FetchState.FAILED, last[1], last[2], 0, null, e.code(), e.getMessage(),
                        null);
                return new Result(runId, FetchState.FAILED, null, e.code(), e.getMessage());
            } catch (SQLException | RuntimeException e) {
                LOG.errorf(e, "Fetch run %d of %s failed", runId, request.source());
                String message = "The load was refused by the database or failed; nothing was loaded (details are in the "
                        + "service's log).";
                FetchRunStore.finished(book, runId, FetchState.FAILED, last[1], last[2], 0, null,
                        FetchException.FETCH_FAILED, message, null);
                return new Result(runId, FetchState.FAILED, null, FetchException.FETCH_FAILED, message);
            }
        }
    }
}
