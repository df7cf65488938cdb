package org.tradeflows.fetch;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.tradeflows.config.FetchConfig;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.FetchLauncher;
import org.tradeflows.model.FetchRunRecord;
import org.tradeflows.security.AuditTrail;
import org.tradeflows.store.FetchRunStore;

/**
 * Fetches inside the service (the startFetch mutation and the scheduled refresh): one at a time, on a thread of its
 * own, so a request that starts one returns at once with its QUEUED run (unless it asks to wait for the end).
 */
@ApplicationScoped
public class FetchService implements FetchLauncher {

    private final FetchRunner runner;
    private final FetchRunStore runs;
    private final AuditTrail audit;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tradeflows-fetch");
        t.setDaemon(true);
        return t;
    });

    public FetchService(AgroalDataSource dataSource, FetchConfig config, FetchRunStore runs, AuditTrail audit) {
        this.runner = new FetchRunner(dataSource::getConnection, Connectors.of(config));
        this.runs = runs;
        this.audit = audit;
    }

    @Override
    public FetchRunRecord start(String source, Filter filter, String version, boolean dryRun, boolean keepValid,
            boolean wait) {
        return start(source, filter, version, Map.of(), dryRun, keepValid, wait);
    }

    @Override
    public FetchRunRecord start(String source, Filter filter, String version, Map<String, String> options, boolean dryRun,
            boolean keepValid, boolean wait) {
        FetchRequest request;
        if (options.values().stream().anyMatch(v -> v != null && v.length() > 400)) {
            throw new BadUserInputException("dataset, currencies, from: at most 400 characters each");
        }
        if ((source != null && source.length() > 40) || (version != null && version.length() > 20)) {
            throw new BadUserInputException("source: at most 40 characters; version: at most 20");
        }
        try {
            FetchFilter f = filter == null ? FetchFilter.ALL
                    : FetchFilter.of(filter.years(), filter.exporters(), filter.importers(), filter.hs());
            request = new FetchRequest(source, f, version, dryRun, keepValid, options);
            runner.connectors().byName(source).version(request);
        } catch (FetchException e) {
            throw new BadUserInputException(e.getMessage());
        }
        return start(request, audit.actor(), wait);
    }

    @Override
    public List<FetchRunRecord> runs(String source, int first) {
        if (first < 1 || first > 100) {
            throw new BadUserInputException("first: must be between 1 and 100");
        }
        if (source != null && source.length() > 40) {
            throw new BadUserInputException("source: at most 40 characters");
        }
        return runs.newest(source, first);
    }

    /**
     * Queues a fetch and runs it on the fetch thread; refuses with FETCH_ALREADY_RUNNING while another is queued or
     * running. With {@code wait}, returns the run once it has ended.
     */
    public FetchRunRecord start(FetchRequest request, String requestedBy, boolean wait) {
        long id = runner.queue(request, requestedBy);
        CompletableFuture<FetchRunner.Result> done = CompletableFuture.supplyAsync(
                () -> runner.execute(id, request, FetchProgress.NONE), worker);
        if (wait) {
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the run's row says how it ended
            }
        }
        return runs.byId(id).orElseThrow();
    }

    public Connectors connectors() {
        return runner.connectors();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
