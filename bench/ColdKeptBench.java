import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The fact box and a page of shipments measured three ways, side by side (issue 22), so that no figure of a kept
 * answer stands for a computed one (not a test):
 * <ul>
 * <li><b>after a data change</b>: the same request right after the data version was bumped (as every load, correction
 * or key change does), so neither the kept answers nor the answer cache can serve it: computed;</li>
 * <li><b>never asked before</b>: new variables on every request (a window of 30-91 days anywhere in ten years, and for
 * the page a chapter too): computed;</li>
 * <li><b>kept</b>: the same request again and again: sent from the answers the server keeps.</li>
 * </ul>
 * Each is timed alone (one client, one request at a time: latency) and, for the last two, at a number of clients for a
 * phase (throughput). For every mode the service's own statement counter (tradeflows_sql_statements_total at
 * /q/metrics) is read before and after, so the table shows what ran: a kept answer costs one statement (the data
 * version), a computed one more. All by POST, JSON.
 */
public class ColdKeptBench {

    static String url;

    record Timing(List<Double> millis, double statementsPerRequest, long errors) {
        double pct(double p) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
        }
    }

    record Phase(long requests, long errors, double seconds, double statementsPerRequest) {
        double rps() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            o.put(args[i].substring(2), args[i + 1]);
        }
        url = o.get("url");
        String jdbc = o.get("jdbc");
        String source = o.get("source");
        int samples = Integer.parseInt(o.getOrDefault("samples", "21"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "10"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "200"));
        System.setProperty("http.maxConnections", String.valueOf(clients + 4));

        String f = "sources: [\\\"" + source + "\\\"], includeSynthetic: true";
        String factBox = "query($from: Date!, $to: Date!) { flows(filter: {supplierCountries: [\\\"CN\\\"], recipientCountries: [\\\"RU\\\"], "
                + "periodFrom: $from, periodTo: $to, topic: \\\"drone-components\\\", " + f + "}) { servedFrom edges { node { value { text } "
                + "shipmentCount } } } }";
        String page = "query($from: Date!, $to: Date!, $hs: [String]) { shipments(filter: {supplierCountries: [\\\"CN\\\"], "
                + "recipientCountries: [\\\"RU\\\"], hsCodes: $hs, periodFrom: $from, periodTo: $to, " + f + "}, first: 20) { edges { cursor "
                + "node { id period { start } supplier { name } recipient { name } hsCode value { amount currency qualifier } valueEur } } "
                + "pageInfo { hasNextPage endCursor } } }";
        String[] chapters = {"84", "85", "88", "90", "87", "73", "39", "40", "72", "76"};
        Function<SplittableRandom, String> fixed = r -> "{\"from\": \"2024-01-01\", \"to\": \"2024-12-31\", \"hs\": [\"84\"]}";
        Function<SplittableRandom, String> window = r -> {
            LocalDate from = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3560));
            return "{\"from\": \"" + from + "\", \"to\": \"" + from.plusDays(29 + r.nextInt(62)) + "\", \"hs\": [\""
                    + chapters[r.nextInt(chapters.length)] + "\"]}";
        };
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("fact box (CN→RU, topic, a period)", factBox);
        queries.put("page of 20 shipments (CN→RU, chapter, a period)", page);

        StringBuilder md = new StringBuilder();
        md.append("| query | after a data change: p50 / p90 ms (statements per request) | never asked before: p50 / p90 ms "
                + "(statements) | never asked before: req/s at ").append(clients).append(" clients | kept: p50 / p90 ms (statements) "
                + "| kept: req/s at ").append(clients).append(" clients | errors |\n");
        md.append("| --- | --- | --- | ---: | --- | ---: | ---: |\n");
        SplittableRandom random = new SplittableRandom(11);
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", null)) {
            for (var q : queries.entrySet()) {
                String query = q.getValue();
                String sample = post(body(query, fixed.apply(random)));
                if (sample.contains("\"errors\"")) {
                    throw new IllegalStateException(q.getKey() + " answered with errors: " + sample);
                }
                // warm-up, not recorded: the JIT sees the computing path and the kept path
                for (int i = 0; i < warmup; i++) {
                    post(body(query, (i % 2 == 0 ? window : fixed).apply(random)));
                }
                Timing afterChange = time(samples, () -> {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("update data_version set version = version + 1");
                    }
                    return body(query, fixed.apply(random));
                });
                Timing fresh = time(samples, () -> body(query, window.apply(random)));
                post(body(query, fixed.apply(random))); // kept from here on
                Timing kept = time(samples, () -> body(query, fixed.apply(random)));
                Phase freshLoad = load(clients, seconds, r -> body(query, window.apply(r)));
                Phase keptLoad = load(clients, seconds, r -> body(query, fixed.apply(r)));
                long errors = afterChange.errors() + fresh.errors() + kept.errors() + freshLoad.errors() + keptLoad.errors();
                md.append(String.format("| %s | %.1f / %.1f (%.1f) | %.1f / %.1f (%.1f) | %.1f (%.1f statements) | %.2f / %.2f (%.1f) | %.1f (%.1f statements) | %d |%n",
                        q.getKey(), afterChange.pct(0.5), afterChange.pct(0.9), afterChange.statementsPerRequest(), fresh.pct(0.5),
                        fresh.pct(0.9), fresh.statementsPerRequest(), freshLoad.rps(), freshLoad.statementsPerRequest(), kept.pct(0.5),
                        kept.pct(0.9), kept.statementsPerRequest(), keptLoad.rps(), keptLoad.statementsPerRequest(), errors));
                System.out.print(md.substring(md.lastIndexOf("| " + q.getKey())));
            }
        }
        Files.writeString(Path.of(o.get("table")), md.toString());
    }

    interface Request {
        String next() throws Exception;
    }

    /** One request at a time, each timed alone (the preparation, e.g. the data version bump, not counted). */
    static Timing time(int samples, Request request) throws Exception {
        List<Double> millis = new ArrayList<>();
        long errors = 0;
        double statements = 0;
        for (int i = 0; i < samples; i++) {
            String body = request.next();
            double before = statements();
            long t0 = System.nanoTime();
            String answer = post(body);
            millis.add((System.nanoTime() - t0) / 1e6);
            statements += statements() - before;
            if (answer.contains("\"errors\"")) {
                errors++;
            }
        }
        return new Timing(millis, statements / samples, errors);
    }

    static Phase load(int clients, int seconds, Function<SplittableRandom, String> body) throws Exception {
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        double before = statements();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            long seed = 1000L + c;
            pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                while (System.nanoTime() < end) {
                    try {
                        if (post(body.apply(r)).contains("\"errors\"")) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    requests.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double took = (System.nanoTime() - t0) / 1e9;
        return new Phase(requests.get(), errors.get(), took, (statements() - before) / Math.max(1, requests.get()));
    }

    static String body(String query, String variables) {
        return "{\"query\": \"" + query + "\", \"variables\": " + variables + "}";
    }

    static String post(String json) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(url + "/graphql").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(120_000);
        c.setRequestProperty("Content-Type", "application/json");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        c.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(bytes);
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return status == 200 ? text : "{\"errors\": [\"HTTP " + status + "\"], " + text + "}";
    }

    /** The service's statement counter, as /q/metrics gives it. */
    static double statements() throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(url + "/q/metrics").openConnection();
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("tradeflows_sql_statements_total"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        }
    }
}
