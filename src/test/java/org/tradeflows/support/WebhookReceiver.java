package org.tradeflows.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A newsroom's webhook receiver for tests: the JDK's own HTTP server on loopback, answering the n-th request (1 for the
 * first) with the status the test chooses, and keeping every request it got (headers, body bytes) in order.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: headers by lower-case name, and the body's bytes. */
    public record Received(String method, String path, Map<String, String> headers, byte[] body, int answered) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
    private final List<Received> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    /** A receiver answering request n with {@code status.applyAsInt(n)}. */
    public WebhookReceiver(IntUnaryOperator status) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
                int answer = status.applyAsInt(count.incrementAndGet());
                byte[] reply = ("{\"answered\":" + answer + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer, reply.length);
                exchange.getResponseBody().write(reply);
                // kept once answered: a test that takes it and closes the receiver never cuts the answer short
                Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body, answer);
                all.add(r);
                queue.add(r);
            }
        });
        server.start();
    }

    /** Always answers 200. */
    public static WebhookReceiver accepting() {
        return new WebhookReceiver(n -> 200);
    }

    /** http://127.0.0.1:port + path. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next request not taken yet, waiting at most {@code wait}; null when none came. */
    public Received next(Duration wait) throws InterruptedException {
        return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every request received so far, in order. */
    public List<Received> all() {
        return List.copyOf(all);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
