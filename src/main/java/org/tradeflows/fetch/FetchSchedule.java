package org.tradeflows.fetch;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.jboss.logging.Logger;
import org.tradeflows.config.FetchConfig;

/**
 * The scheduled refresh, off by default: each source given {@code tradeflows.fetch.schedule.<source>.cron} is fetched
 * with its configured filter at those times, one fetch at a time (a run due while another is queued or running is
 * skipped and logged; an unchanged version ends SKIPPED_UNCHANGED without downloading).
 */
@ApplicationScoped
public class FetchSchedule {

    private static final Logger LOG = Logger.getLogger(FetchSchedule.class);

    private final FetchConfig config;
    private final FetchService fetches;
    private final Scheduler scheduler;

    public FetchSchedule(FetchConfig config, FetchService fetches, Scheduler scheduler) {
        this.config = config;
        this.fetches = fetches;
        this.scheduler = scheduler;
    }

    void install(@Observes StartupEvent started) {
        for (Map.Entry<String, FetchConfig.Schedule> e : config.schedule().entrySet()) {
            String source = e.getKey();
            FetchConfig.Schedule s = e.getValue();
            if (s.cron().isBlank() || "off".equalsIgnoreCase(s.cron().trim())) {
                continue;
            }
            FetchRequest request = new FetchRequest(source, FetchFilter.parse(s.years().orElse(null),
                    s.exporters().orElse(null), s.importers().orElse(null), s.hs().orElse(null)), null, false, false);
            fetches.connectors().byName(source); // an unknown source stops the start, as any bad configuration
            scheduler.newJob("fetch-" + source).setCron(s.cron().trim())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> run(request)).schedule();
            LOG.infof("Scheduled fetch of %s at '%s' with %s", source, s.cron(), request.filter());
        }
    }

    private void run(FetchRequest request) {
        try {
            var run = fetches.start(request, "schedule", true);
            LOG.infof("Scheduled fetch of %s: %s %s", request.source(), run.state(),
                    run.errorCode() == null ? run.message() : run.errorCode() + " " + run.errorMessage());
        } catch (FetchException e) {
            LOG.warnf("Scheduled fetch of %s not started: %s %s", request.source(), e.code(), e.getMessage());
        }
    }
}
