package org.tradeflows.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.tradeflows.config.RedisConfig;

/**
 * The Redis that service instances share (tradeflows.redis.url), through Quarkus's Redis client. Every command has a
 * deadline; the first that fails marks Redis unreachable — said once in the log and in /q/health ({@link RedisReadiness}) —
 * and from then on callers use their instance's own state without waiting on Redis, while a ping every
 * tradeflows.redis.retry finds out when it is back.
 */
@ApplicationScoped
public class SharedRedis {

    private static final Logger LOG = Logger.getLogger(SharedRedis.class);

    /** Redis as this instance last saw it. */
    public enum State {
        NOT_CONFIGURED, CONNECTED, UNREACHABLE
    }

    /** A Lua script, sent by its SHA-1 and again in full when Redis answers NOSCRIPT (after a restart it has none). */
    public record Script(String name, String source, String sha1) {
        public static Script of(String name, String source) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
                return new Script(name, source, HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Why a command was not sent: Redis is known to be unreachable. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private static final Unavailable UNAVAILABLE = new Unavailable("Redis is unreachable");

    private final RedisConfig config;
    private final InjectableInstance<Redis> clients;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final AtomicReference<State> state;
    private volatile Redis redis;
    private volatile Instant since = Instant.now();

    public SharedRedis(RedisConfig config, InjectableInstance<Redis> clients, Vertx vertx, MeterRegistry registry) {
        this.config = config;
        this.clients = clients;
        this.vertx = vertx;
        this.registry = registry;
        this.state = new AtomicReference<>(config.url().isPresent() ? State.CONNECTED : State.NOT_CONFIGURED);
    }

    void start(@Observes StartupEvent start) {
        if (config.url().isEmpty()) {
            LOG.info("No tradeflows.redis.url: rate limits are counted and answers kept in this instance's memory");
            return;
        }
        redis = clients.get();
        send("ping", Request.cmd(Command.PING)).onSuccess(pong -> LOG.infof(
                "Redis at %s: rate limits and kept answers are shared with the other instances", where()));
    }

    /** Whether commands are sent at all: configured and not known to be unreachable. */
    public boolean usable() {
        return state.get() == State.CONNECTED;
    }

    public State state() {
        return state.get();
    }

    public String prefix() {
        return config.prefix();
    }

    /**
     * Sends one command; the future fails at once when Redis is known to be unreachable, and fails (marking it so)
     * when Redis does not answer within tradeflows.redis.timeout. It completes on a Redis connection's thread.
     */
    public Future<Response> send(String what, Request request) {
        if (!usable()) {
            return Future.failedFuture(UNAVAILABLE);
        }
        long started = System.nanoTime();
        Promise<Response> answer = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, config.timeout().toMillis()), id -> {
            if (answer.tryFail(new Unavailable("Redis did not answer within " + config.timeout().toMillis() + " ms"))) {
                unreachable("no answer within " + config.timeout().toMillis() + " ms");
            }
        });
        redis.send(request).onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                timer(what).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                answer.tryComplete(ar.result());
            } else {
                if (!isErrorReply(ar.cause())) {
                    unreachable(ar.cause().getMessage());
                }
                answer.tryFail(ar.cause());
            }
        });
        return answer.future();
    }

    /** Runs a script with its keys and arguments (EVALSHA, then EVAL when Redis does not know it). */
    public Future<Response> eval(Script script, List<String> keys, List<Object> args) {
        return send(script.name(), scriptCall(Command.EVALSHA, script.sha1(), keys, args)).recover(failure -> {
            if (failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")) {
                return send(script.name(), scriptCall(Command.EVAL, script.source(), keys, args));
            }
            return Future.failedFuture(failure);
        });
    }

    private static Request scriptCall(Command command, String script, List<String> keys, List<Object> args) {
        Request r = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(r::arg);
        for (Object a : args) {
            if (a instanceof byte[] bytes) {
                r.arg(bytes);
            } else {
                r.arg(String.valueOf(a));
            }
        }
        return r;
    }

    /** Redis answered with an error of its own (a script error, NOSCRIPT): the server is there. */
    private static boolean isErrorReply(Throwable failure) {
        return failure instanceof io.vertx.redis.client.impl.types.ErrorType;
    }

    private Timer timer(String what) {
        return timers.computeIfAbsent(what, w -> Timer.builder("tradeflows.redis.commands").tag("command", w)
                .description("Round trips to the shared Redis, from sending a command to its answer")
                .publishPercentiles(0.5, 0.99).register(registry));
    }

    private void unreachable(String why) {
        if (state.compareAndSet(State.CONNECTED, State.UNREACHABLE)) {
            since = Instant.now();
            LOG.warnf("Redis at %s is unreachable (%s): until it answers again, rate limits are counted per instance "
                    + "and answers are kept in each instance's memory only; trying again every %d ms", where(),
                    why == null ? "connection failed" : why, config.retry().toMillis());
            vertx.setTimer(Math.max(1, config.retry().toMillis()), id -> probe());
        }
    }

    /** Pings Redis until it answers, then shares state through it again. */
    private void probe() {
        Promise<Response> pong = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, config.timeout().toMillis()), id -> pong.tryFail(UNAVAILABLE));
        redis.send(Request.cmd(Command.PING)).onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                pong.tryComplete(ar.result());
            } else {
                pong.tryFail(ar.cause());
            }
        });
        pong.future().onComplete(ar -> {
            if (ar.succeeded()) {
                since = Instant.now();
                state.set(State.CONNECTED);
                LOG.infof("Redis at %s answers again: rate limits and kept answers are shared again", where());
            } else {
                vertx.setTimer(Math.max(1, config.retry().toMillis()), id -> probe());
            }
        });
    }

    /** Runs the action on the given Vert.x context (the request's), directly when already on it. */
    public static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    private String where() {
        String url = config.url().orElse("");
        int at = url.lastIndexOf('@'); // never log a password
        return at < 0 ? url : "redis://" + url.substring(at + 1);
    }

    public java.time.Instant since() {
        return since;
    }

    public String server() {
        return where();
    }
}
