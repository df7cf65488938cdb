package org.tradeflows.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Read replicas of the primary (store/Replicas): without URLs every read goes to the primary. */
@ConfigMapping(prefix = "tradeflows.replicas")
public interface ReplicasConfig {

    /** JDBC URLs of PostgreSQL streaming replicas of the primary ({@code tradeflows.replicas} itself). */
    @WithParentName
    Optional<List<String>> urls();

    /** Replay lag beyond which a replica is taken out until it catches up. */
    @WithDefault("5S")
    Duration maxLag();

    /** How often each replica's state and lag are checked. */
    @WithDefault("1S")
    Duration checkInterval();

    /** Connections per replica. */
    @WithDefault("8")
    int poolSize();
}
