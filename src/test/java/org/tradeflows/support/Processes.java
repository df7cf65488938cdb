package org.tradeflows.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program as a user would (scripts, clients, package managers) and keeps what it printed. */
public final class Processes {

    private Processes() {
    }

    public record Ran(int exit, String output) {
    }

    /** Runs the command in {@code dir} with extra environment; stdout and stderr together; at most five minutes. */
    public static Ran run(List<String> command, Map<String, String> env, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.directory(dir.toAbsolutePath().toFile());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished within five minutes", command).isTrue();
        return new Ran(p.exitValue(), output);
    }

    /** As {@link #run}, and the command must succeed; the failure message quotes its output. */
    public static String succeed(List<String> command, Map<String, String> env, Path dir) throws Exception {
        Ran ran = run(command, env, dir);
        assertThat(ran.exit()).as("exit code of %s, output:%n%s", command, ran.output()).isZero();
        return ran.output();
    }
}
