import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The Tradeflows benchmark driver (not a test). Drives the HTTP API with concurrent clients over a fixed mix of
 * queries, prints throughput and p50/p95/p99 per query, times the same aggregates as plain SQL on the shipment table
 * and prints the ratio, samples the service's heap, and writes the results as Markdown. Run it with bench/run.sh.
 *
 *   java -cp postgresql.jar bench/Bench.java --url http://localhost:8180 --jdbc jdbc:postgresql://localhost/tradeflows_bench \
 *        --source synthetic-bench-10000000 --seconds 20 --out bench/RESULTS.md
 */
public class Bench {

    record Query(String name, String body, String sqlBaseline) {
    }

    record Stats(String name, int clients, long requests, long errors, double seconds, double p50, double p95, double p99) {
        double rps() {
            return requests / seconds;
        }
    }

    static final String DISTINCT_PAGES = "page of shipments, a new page each time, POST";

    static String url;
    static String jdbc;
    static String source;
    static int seconds = 20;
    static String out = "bench/RESULTS.md";
    /** With --only TEXT: the phases whose name contains TEXT, printed and not written (for trying a setting). */
    static String only;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(64)).connectTimeout(Duration.ofSeconds(5)).build();
    static final AtomicLong maxHeap = new AtomicLong();

    public static void main(String[] args) throws Exception {
        System.setProperty("http.maxConnections", "64"); // before the first HttpURLConnection: one kept connection per client
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--jdbc" -> jdbc = args[i + 1];
                case "--source" -> source = args[i + 1];
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--out" -> out = args[i + 1];
                case "--only" -> only = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String f = "sources: [\\\"" + source + "\\\"], includeSynthetic: true";
        long shipments;
        List<Long> companies;
        List<String> chapters;
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", null)) {
            shipments = single(c, "select count(*) from shipment s join source x on x.id = s.source_id where x.key = '" + source + "'");
            companies = longs(c, "select id from company where key like 'syn-" + source.substring("synthetic-".length())
                    + "-%' order by id");
            chapters = strings(c, "select hs2 from shipment tablesample system (0.1) group by hs2 order by count(*) desc limit 20");
        }
        System.out.printf("%,d shipments, %,d companies in %s%n", shipments, companies.size(), source);
        SplittableRandom random = new SplittableRandom(7);

        String factBox = gql("{ flows(filter: {supplierCountries: [\\\"CN\\\"], recipientCountries: [\\\"RU\\\"], periodFrom: \\\"2024-01-01\\\", "
                + "periodTo: \\\"2024-12-31\\\", topic: \\\"drone-components\\\", " + f + "}) { servedFrom edges { node { value { text } shipmentCount } } } }");
        String factBoxSql = "select sum(value_eur), count(*) from shipment s where s.source_id = (select id from source where key = '" + source
                + "') and s.supplier_country = 'CN' and s.recipient_country = 'RU' and s.period_start between '2024-01-01' and '2024-12-31' "
                + "and exists (select 1 from topic_product tp join topic t on t.id = tp.topic_id where t.key = 'drone-components' "
                + "and starts_with(s.hs_code, tp.product_code))";
        String pairHs4Year = gql("{ flows(groupBy: [SUPPLIER_COUNTRY, RECIPIENT_COUNTRY, HS4, YEAR], filter: {" + f + "}, first: 20) "
                + "{ servedFrom totalCount edges { node { supplierCountry { code } recipientCountry { code } hs4 { code } year value { text } shipmentCount } } } }");
        String pairHs4YearSql = "select supplier_country, recipient_country, hs4, extract(year from period_start), sum(value_eur), count(*) "
                + "from shipment where source_id = (select id from source where key = '" + source + "') group by 1, 2, 3, 4 order by 5 desc nulls last limit 20";
        String topRecipients = gql("{ flows(groupBy: [RECIPIENT], filter: {periodFrom: \\\"2023-01-01\\\", periodTo: \\\"2023-12-31\\\", " + f
                + "}, first: 10) { servedFrom edges { node { recipient { name country { code } sanctioned } value { text } shipmentCount } } } }");
        String topRecipientsSql = "select recipient_id, sum(value_eur), count(*) from shipment where source_id = (select id from source where key = '"
                + source + "') and period_start between '2023-01-01' and '2023-12-31' group by 1 order by 2 desc nulls last limit 10";

        Function<SplittableRandom, String> drill = r -> {
            String chapter = chapters.get(r.nextInt(chapters.size()));
            return gql("{ productCategory(code: \\\"" + chapter + "\\\") { code description childTotals(filter: {" + f
                    + "}) { category { code description } totals { value { text } shipmentCount } } } }");
        };
        String drillSql = "select hs4, sum(value_eur), count(*) from shipment where source_id = (select id from source where key = '"
                + source + "') and hs2 = '" + chapters.get(0) + "' group by 1 order by 2 desc nulls last";
        Function<SplittableRandom, String> profile = r -> {
            long id = companies.get(r.nextInt(companies.size()));
            String gid = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("Company:" + id).getBytes(StandardCharsets.UTF_8));
            return gql("{ company(id: \\\"" + gid + "\\\") { name country { code } sanctions { authority listedOn } "
                    + "byYear: flows(groupBy: [YEAR], filter: {" + f + "}) { year value { text } shipmentCount } "
                    + "counterparties(filter: {" + f + "}, first: 5) { role company { name } totals { value { text } } } } }");
        };
        Function<SplittableRandom, String> page = r -> {
            int year = 2015 + r.nextInt(10);
            return gql("{ shipments(filter: {supplierCountries: [\\\"CN\\\"], recipientCountries: [\\\"RU\\\"], hsCodes: [\\\"84\\\"], periodFrom: \\\""
                    + year + "-01-01\\\", periodTo: \\\"" + year + "-12-31\\\", " + f + "}, first: 20) { edges { cursor node { id period { start } "
                    + "supplier { name } recipient { name } hsCode value { amount currency qualifier } valueEur } } pageInfo { hasNextPage endCursor } } }");
        };

        // pages nobody asked for before: a chapter and a window of one to three months anywhere in the ten years, so
        // (almost) every request runs the page query itself rather than finding a kept answer
        Function<SplittableRandom, String> distinctPage = r -> {
            String chapter = chapters.get(r.nextInt(chapters.size()));
            java.time.LocalDate from = java.time.LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3560));
            java.time.LocalDate to = from.plusDays(29 + r.nextInt(62));
            return gql("{ shipments(filter: {supplierCountries: [\\\"CN\\\"], recipientCountries: [\\\"RU\\\"], hsCodes: [\\\"" + chapter
                    + "\\\"], periodFrom: \\\"" + from + "\\\", periodTo: \\\"" + to + "\\\", " + f + "}, first: 20) { edges { cursor node { id period { start } "
                    + "supplier { name } recipient { name } hsCode value { amount currency qualifier } valueEur } } pageInfo { hasNextPage endCursor } } }");
        };

        Thread sampler = heapSampler();
        sampler.start();
        List<Stats> results = new ArrayList<>();
        Map<String, Double> baselines = new LinkedHashMap<>();
        List<Function<SplittableRandom, String>> six = List.of(r -> factBox, r -> pairHs4Year, r -> topRecipients, drill, profile, page);
        warmUp(six, random);
        // the JIT compiles the hot paths under load: ten seconds of the six at 32 clients, by POST and by GET, not recorded
        int measured = seconds;
        seconds = Math.min(10, measured);
        run("(warm-up, not recorded) POST", 32, r -> six.get(r.nextInt(six.size())).apply(r), false);
        run("(warm-up, not recorded) GET", 32, r -> six.get(r.nextInt(six.size())).apply(r), true);
        seconds = measured;

        if (only != null) {
            if ("fact box (a total), GET".contains(only)) {
                run("fact box (a total), GET", 32, r -> factBox, true);
            }
            if ("page of shipments with filters, GET".contains(only)) {
                run("page of shipments with filters, GET", 32, page, true);
            }
            if ("page of shipments with filters, POST".contains(only)) {
                run("page of shipments with filters, POST", 32, page, false);
            }
            if (DISTINCT_PAGES.contains(only)) {
                run(DISTINCT_PAGES, 32, distinctPage, false);
            }
            sampler.interrupt();
            System.out.printf("service heap, maximum sampled: %.0f MB%n", maxHeap.get() / 1e6);
            System.exit(0);
        }
        results.add(run("fact box (a total), POST", 32, r -> factBox, false));
        results.add(run("fact box (a total), GET", 32, r -> factBox, true));
        results.add(run("page of shipments with filters, POST", 32, page, false));
        results.add(run("page of shipments with filters, GET", 32, page, true));
        results.add(run(DISTINCT_PAGES, 32, distinctPage, false));
        results.add(run("country pair x HS4 x year", 4, r -> pairHs4Year));
        results.add(run("top-N recipients of a year", 8, r -> topRecipients));
        results.add(run("drill-down: a chapter's headings", 8, drill));
        results.add(run("company profile", 8, profile));
        Map<String, Function<SplittableRandom, String>> mix = new LinkedHashMap<>();
        mix.put("fact", r -> factBox);
        mix.put("page", page);
        mix.put("pair", r -> pairHs4Year);
        mix.put("top", r -> topRecipients);
        mix.put("drill", drill);
        mix.put("profile", profile);
        results.add(run("mixed (equal shares of the six)", 32, r -> {
            List<Function<SplittableRandom, String>> all = new ArrayList<>(mix.values());
            return all.get(r.nextInt(all.size())).apply(r);
        }));
        String export = exportRun();
        Map<String, Double> cold = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", null)) {
            cold.put("fact box (a total), POST", timeCold(c, factBox));
            cold.put("country pair x HS4 x year", timeCold(c, pairHs4Year));
            cold.put("top-N recipients of a year", timeCold(c, topRecipients));
            cold.put("drill-down: a chapter's headings", timeCold(c, drill.apply(new SplittableRandom(3))));
        }

        try (Connection c = DriverManager.getConnection(jdbc, "postgres", null)) {
            baselines.put("fact box (a total), POST", timeSql(c, factBoxSql));
            baselines.put("country pair x HS4 x year", timeSql(c, pairHs4YearSql));
            baselines.put("top-N recipients of a year", timeSql(c, topRecipientsSql));
            baselines.put("drill-down: a chapter's headings", timeSql(c, drillSql));
        }
        sampler.interrupt();
        String served = servedFrom(List.of(factBox, pairHs4Year, topRecipients));
        write(shipments, companies.size(), results, baselines, cold, export, served);
        System.exit(0); // the HTTP client's threads would keep the driver alive
    }

    static String gql(String query) {
        return "{\"query\":\"" + query + "\"}";
    }

    /** The same request by GET, as a browser or a cache sends it: the query text in the URL. */
    static Answer get(String body) throws IOException {
        String query = body.substring("{\"query\":\"".length(), body.length() - 2).replace("\\\"", "\"");
        return exchange(new java.net.URL(url + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)), null);
    }

    /** An HTTP status and body. */
    record Answer(int statusCode, String body) {
    }

    /**
     * One request on the calling thread with the JDK's blocking HttpURLConnection, which keeps connections alive per
     * destination (http.maxConnections is raised in main so each client keeps its own). The driver shares the two
     * cores with the service: the asynchronous java.net.http client hands every request between several threads and
     * cost the service CPU it then lacked.
     */
    static Answer exchange(java.net.URL target, String json) throws IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) target.openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(60_000);
        if (json != null) {
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            c.setFixedLengthStreamingMode(bytes.length);
            try (java.io.OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = "";
        if (in != null) {
            try (in) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8); // read to the end: the connection is kept
            }
        }
        return new Answer(status, text);
    }

    /**
     * The first answer after a change to the data: the data version is bumped (as every load does), so neither the
     * answer cache nor the GET cache holds it. Median of five, through HTTP.
     */
    static double timeCold(Connection c, String body) throws Exception {
        List<Double> times = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (int i = 0; i < 5; i++) {
                st.executeUpdate("update data_version set version = version + 1");
                long t0 = System.nanoTime();
                Answer r = post(body);
                times.add((System.nanoTime() - t0) / 1e6);
                if (r.statusCode() != 200 || r.body().contains("\"errors\"")) {
                    throw new IllegalStateException("cold run failed: " + r.body());
                }
            }
        }
        Collections.sort(times);
        System.out.printf("cold (first answer after a data change): %.1f ms%n", times.get(2));
        return times.get(2);
    }

    static Answer post(String body) throws IOException {
        return exchange(new java.net.URL(url + "/graphql"), body);
    }

    static void warmUp(List<Function<SplittableRandom, String>> queries, SplittableRandom random) throws Exception {
        for (int i = 0; i < 30; i++) {
            for (Function<SplittableRandom, String> q : queries) {
                Answer r = post(q.apply(random));
                if (r.statusCode() != 200 || r.body().contains("\"errors\"")) {
                    throw new IllegalStateException("warm-up failed: " + r.statusCode() + " " + r.body());
                }
            }
        }
    }

    static Stats run(String name, int clients, Function<SplittableRandom, String> query) throws Exception {
        return run(name, clients, query, false);
    }

    static Stats run(String name, int clients, Function<SplittableRandom, String> query, boolean byGet) throws Exception {
        List<long[]> perClient = new CopyOnWriteArrayList<>();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant end = Instant.now().plusSeconds(seconds);
        Instant start = Instant.now();
        for (int c = 0; c < clients; c++) {
            long seed = c;
            pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (Instant.now().isBefore(end) && n < latencies.length) {
                    String body = query.apply(r);
                    long t0 = System.nanoTime();
                    try {
                        Answer resp = byGet ? get(body) : post(body);
                        if (resp.statusCode() != 200 || resp.body().contains("\"errors\"")) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                perClient.add(java.util.Arrays.copyOf(latencies, n));
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double took = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        long total = perClient.stream().mapToLong(a -> a.length).sum();
        long[] all = new long[(int) total];
        int i = 0;
        for (long[] a : perClient) {
            System.arraycopy(a, 0, all, i, a.length);
            i += a.length;
        }
        java.util.Arrays.sort(all);
        Stats s = new Stats(name, clients, total, errors.get(), took, pct(all, 0.50), pct(all, 0.95), pct(all, 0.99));
        System.out.printf("%-36s %3d clients %8.1f req/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  errors %d%n",
                name, clients, s.rps(), s.p50(), s.p95(), s.p99(), s.errors());
        return s;
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    static String exportRun() throws Exception {
        String filter = "{\"sources\":[\"" + source + "\"],\"includeSynthetic\":true,\"periodFrom\":\"2023-01-01\",\"periodTo\":\"2023-12-31\"}";
        URI uri = URI.create(url + "/export/shipments.csv?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        Instant t0 = Instant.now();
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = r.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double s = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
        String line = String.format("export of one year of shipments as CSV: %,d rows, %,.1f MB in %.1f s (%,.0f rows/s)",
                lines - 1, bytes / 1e6, s, (lines - 1) / s);
        System.out.println(line);
        return line;
    }

    static double timeSql(Connection c, String sql) throws Exception {
        List<Double> times = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(times);
        System.out.printf("plain SQL on the shipment table: %.1f ms  <- %s%n", times.get(2), sql.substring(0, Math.min(80, sql.length())));
        return times.get(2);
    }

    static String servedFrom(List<String> bodies) throws Exception {
        List<String> out = new ArrayList<>();
        for (String b : bodies) {
            String r = post(b).body();
            int i = r.indexOf("\"servedFrom\":\"");
            out.add(i < 0 ? "?" : r.substring(i + 14, r.indexOf('"', i + 14)));
        }
        return String.join(", ", out);
    }

    static Thread heapSampler() {
        return new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    long heap = (long) metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
                    maxHeap.accumulateAndGet(heap, Math::max);
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the service is busy; sample again
                }
            }
        });
    }

    static void write(long shipments, int companies, List<Stats> results, Map<String, Double> baselines,
            Map<String, Double> cold, String export, String served) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("## Run of ").append(LocalDateTime.now().withNano(0)).append("\n\n");
        md.append(String.format("- data: %,d synthetic shipments, %,d companies (`%s`)%n", shipments, companies, source));
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(", Java ").append(System.getProperty("java.version")).append("; service with -Xmx512m; driver on the same machine\n");
        md.append("- each phase runs ").append(seconds).append(" s after a warm-up; latencies are client-side, through HTTP\n");
        md.append("- aggregates served from: ").append(served).append(" (fact box, pair x HS4 x year, top-N)\n\n");
        md.append("| query | clients | requests/s | p50 ms | p95 ms | p99 ms | errors | first answer after a data change, ms "
                + "| plain SQL on shipments, ms | ratio SQL / API p50 | ratio SQL / first answer |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Stats s : results) {
            Double sql = baselines.get(s.name());
            Double first = cold.get(s.name());
            md.append(String.format("| %s | %d | %.1f | %.2f | %.2f | %.2f | %d | %s | %s | %s | %s |%n", s.name(), s.clients(), s.rps(),
                    s.p50(), s.p95(), s.p99(), s.errors(), first == null ? "" : String.format("%.1f", first),
                    sql == null ? "" : String.format("%.1f", sql), sql == null ? "" : String.format("%.1fx", sql / s.p50()),
                    sql == null || first == null ? "" : String.format("%.1fx", sql / first)));
        }
        md.append("\n- ").append(export).append("\n");
        md.append(String.format("- service heap, maximum sampled during the run: %.0f MB (limit 512 MB)%n%n", maxHeap.get() / 1e6));
        Path path = Path.of(out);
        String previous = Files.exists(path) ? Files.readString(path) : "";
        String marker = "<!-- runs -->";
        String updated = previous.contains(marker) ? previous.replace(marker, marker + "\n\n" + md) : previous + "\n" + marker + "\n\n" + md;
        Files.writeString(path, updated);
        System.out.println(md);
    }

    static long single(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<Long> longs(Connection c, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    static List<String> strings(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
