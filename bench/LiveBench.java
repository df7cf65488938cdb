// Issue 18's load target, measured from outside the service: N idle subscriptions held open at once, then one new
// release fanned out to all of them. Run by bench/live.sh; a single-file program (java bench/LiveBench.java ...) with
// the JDK's own WebSocket client speaking graphql-transport-ws, one socket per subscriber, as N separate readers would.
//
// Prints, for the harness: how long the subscriptions took to open, the time from the upload that publishes the
// release (sent, and answered: committed) to each subscriber's event (p50, p99, last), and how many got it.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

public class LiveBench {

    static final String SUBSCRIBE = "{\"id\":\"r\",\"type\":\"subscribe\",\"payload\":{\"query\":"
            + "\"subscription { releasePublished { sequence release { key } } }\"}}";

    /** One subscriber: subscribes once acknowledged, answers pings, and records when its release event arrives. */
    static final class Subscriber implements WebSocket.Listener {
        final CountDownLatch acked;
        final CountDownLatch received;
        final String expectedKey;
        volatile long arrivedNanos = -1;
        final StringBuilder partial = new StringBuilder();
        volatile String closed;
        volatile String refused;
        /** The JDK's WebSocket takes one send at a time: each waits for the one before (an ack can come back first). */
        private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

        synchronized void send(WebSocket ws, String text) {
            sends = sends.thenCompose(x -> ws.sendText(text, true));
        }

        Subscriber(CountDownLatch acked, CountDownLatch received, String expectedKey) {
            this.acked = acked;
            this.received = received;
            this.expectedKey = expectedKey;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.contains("\"connection_ack\"")) {
                    send(ws, SUBSCRIBE);
                    acked.countDown();
                } else if (message.contains("\"ping\"")) {
                    send(ws, "{\"type\":\"pong\"}");
                } else if (message.contains("\"type\":\"error\"")) {
                    refused = message.length() > 300 ? message.substring(0, 300) : message;
                } else if (message.contains("\"next\"") && message.contains(expectedKey) && arrivedNanos < 0) {
                    arrivedNanos = System.nanoTime();
                    received.countDown();
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed = status + " " + reason;
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed = "error: " + error;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int n = Integer.parseInt(args[1]);
        String adminKey = args[2];
        String releaseKeySource = args[3]; // the source key of the upload: its release key starts with it
        String csv = "t,i,j,k,v,q\n2021,156,643,840710," + (100 + System.currentTimeMillis() % 1000) + ".000,1\n";

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch acked = new CountDownLatch(n);
        CountDownLatch received = new CountDownLatch(n);
        List<Subscriber> subscribers = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        long openStart = System.nanoTime();
        URI ws = URI.create(base.replaceFirst("^http", "ws") + "/graphql");
        for (int i = 0; i < n; i++) {
            Subscriber s = new Subscriber(acked, received, releaseKeySource);
            subscribers.add(s);
            WebSocket socket = http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .connectTimeout(Duration.ofSeconds(30)).buildAsync(ws, s).get(60, TimeUnit.SECONDS);
            s.send(socket, "{\"type\":\"connection_init\",\"payload\":{}}");
            sockets.add(socket);
        }
        if (!acked.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException((n - acked.getCount()) + " of " + n + " connections acknowledged");
        }
        // the service counts its subscribers; wait until it holds all of them (it registers a subscribe after the ack)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long held = 0;
        while (System.nanoTime() < deadline) {
            held = subscribersHeld(http, base);
            if (held >= n) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the service's own count, with a deadline
        }
        if (held < n) {
            Map<String, Long> reasons = subscribers.stream().filter(s -> s.closed != null)
                    .collect(Collectors.groupingBy(s -> s.closed, Collectors.counting()));
            Map<String, Long> errors = subscribers.stream().filter(s -> s.refused != null)
                    .collect(Collectors.groupingBy(s -> s.refused, Collectors.counting()));
            throw new IllegalStateException("the service holds " + held + " of " + n + " subscriptions; closed: " + reasons
                    + "; refused: " + errors);
        }
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        System.out.printf("opened %d subscriptions in %.1f s (the service counts %d)%n", n, openSeconds, held);
        System.out.println("READY"); // the harness measures the idle heap now, then presses on
        System.out.flush();
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();

        long sent = System.nanoTime();
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + "/ingest/baci?replace=true&source="
                        + releaseKeySource + "&sourceTitle=Bench+source+(fictional+data)"))
                .header("Authorization", "Bearer " + adminKey).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        long committed = System.nanoTime();
        if (upload.statusCode() != 200) {
            throw new IllegalStateException("the upload was answered " + upload.statusCode() + ": " + upload.body());
        }
        boolean all = received.await(30, TimeUnit.SECONDS);
        long[] fromCommit = subscribers.stream().filter(s -> s.arrivedNanos > 0)
                .mapToLong(s -> s.arrivedNanos - committed).sorted().toArray();
        long[] fromSent = subscribers.stream().filter(s -> s.arrivedNanos > 0)
                .mapToLong(s -> s.arrivedNanos - sent).sorted().toArray();
        long closedEarly = subscribers.stream().filter(s -> s.closed != null).count();
        System.out.printf("upload answered in %.0f ms%n", (committed - sent) / 1e6);
        System.out.printf("received %d of %d (all: %s), closed early %d%n", fromCommit.length, n, all, closedEarly);
        System.out.printf("RESULT n=%d received=%d commit_p50_ms=%.0f commit_p99_ms=%.0f commit_last_ms=%.0f "
                        + "sent_p50_ms=%.0f sent_last_ms=%.0f upload_ms=%.0f open_s=%.1f%n",
                n, fromCommit.length, pct(fromCommit, 50), pct(fromCommit, 99), pct(fromCommit, 100),
                pct(fromSent, 50), pct(fromSent, 100), (committed - sent) / 1e6, openSeconds);
        CompletableFuture.allOf(sockets.stream().map(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"))
                .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        System.exit(all ? 0 : 1);
    }

    static long subscribersHeld(HttpClient http, String base) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("tradeflows_live_subscriptions"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static double pct(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = Math.min(sortedNanos.length - 1, (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }
}
