package org.tradeflows.ingest.cli;

import java.sql.Connection;
import org.tradeflows.store.DatabaseBootstrap;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What the maintainer's commands (load, fetch, prune-history) share: the database options, and one way to run a command
 * that maps its failures to the documented exit codes (2 bad arguments, with the usage; 3 a failure while running).
 */
public final class CommandLines {

    private CommandLines() {
    }

    /** The options that name the database; unset ones come from the service's configuration. */
    public static final class DatabaseOptions {
        @Option(names = "--db-url", description = "JDBC URL (default: quarkus.datasource.jdbc.url / "
                + "QUARKUS_DATASOURCE_JDBC_URL)")
        String url;

        @Option(names = "--db-user")
        String user;

        @Option(names = "--db-password")
        String password;

        /** The database as these options and the configuration name it. */
        public DatabaseBootstrap database() {
            return DatabaseBootstrap.fromConfig().with(url, user, password);
        }

        public Connection connect() throws java.sql.SQLException {
            return database().connect();
        }
    }

    /** Runs {@code command} on {@code args}; messages start with the command's {@code name}. Returns the exit code. */
    public static int execute(String name, Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            System.err.println(name + ": " + e.getMessage());
            return 3;
        });
        cli.setParameterExceptionHandler((e, given) -> {
            System.err.println(name + ": " + e.getMessage());
            e.getCommandLine().usage(System.err);
            return 2;
        });
        return cli.execute(args);
    }
}
