package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check "replicas": each read replica's state and replay lag. Always UP: a replica taken out only sends its
 * reads to another replica or the primary.
 */
@Readiness
@ApplicationScoped
public class ReplicasReadiness implements HealthCheck {

    private final Replicas replicas;

    public ReplicasReadiness(Replicas replicas) {
        this.replicas = replicas;
    }

    @Override
    public HealthCheckResponse call() {
        var check = HealthCheckResponse.named("replicas").up();
        if (replicas.all().isEmpty()) {
            return check.withData("replicas", "none configured: every read goes to the primary").build();
        }
        check.withData("maxLag", replicas.maxLag().toMillis() / 1000.0 + " s");
        for (Replicas.Replica r : replicas.all()) {
            String lag = String.format(Locale.ROOT, "lag %.1f s", r.lagSeconds());
            check.withData(r.name, replicas.inUse(r) ? "in use, " + lag
                    : "taken out (" + r.problem() + ")" + (r.reachable() ? ", " + lag : ""));
        }
        return check.build();
    }
}
