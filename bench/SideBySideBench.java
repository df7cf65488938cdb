import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Two set-ups of the service side by side (not a test), one load loop for every comparison of bench/: limits.sh runs
 * it on one service with the request checks of issue 13 and one without (tradeflows.limits.checks=false, bench only),
 * cluster-speed.sh on two instances behind HAProxy and on one instance directly (issue 20). The fact box and the page
 * of shipments are driven at a fixed number of clients, each twice: kept (the same request again and again, answered
 * from the answers the server keeps) and cold (new variables every request, so the query runs every time). The two
 * set-ups take turns, phase by phase, and swap which goes first every round, so a drift of the shared machine's speed
 * falls on both. Per round two ratios, the median of the rounds quoted: the throughput of A / B, and the CPU time per
 * request of B / A, the CPU being that of the set-up's own processes (--a-pids, --b-pids: the JVMs, HAProxy, each
 * PID optionally named as NAME=PID, and a set-up of several split by process under the table) read from
 * /proc/PID/stat: on a machine shared with other work the CPU a request costs is steadier than the requests a second
 * it gets, and on a service bound by its CPU throughput is the inverse of it. p50 and p99 are the client's, over all
 * rounds of a set-up and mix.
 *
 *   java bench/SideBySideBench.java --a URL --a-pids PID[,PID...] --a-name NAME --b URL --b-pids PID[,PID...] --b-name NAME
 *        [--source SYNTHETIC_SOURCE] [--seconds 6] [--rounds 3] [--clients 8] [--warmup 10] [--table FILE]
 */
public class SideBySideBench {

    record Mix(String name, Function<SplittableRandom, String> body) {
    }

    record Phase(long requests, long errors, double seconds, double[] cpuByProcess, long[] nanos) {
        double cpuSeconds() {
            return Arrays.stream(cpuByProcess).sum();
        }

        double rps() {
            return requests / seconds;
        }

        double cpuMillisPerRequest() {
            return cpuSeconds() * 1000 / requests;
        }
    }

    /** A set-up: where requests go, and the processes whose CPU it spends. */
    record Service(String name, String url, List<Long> pids, List<String> processes) {
        static Service of(Map<String, String> o, String side) {
            List<String> items = List.of(o.get(side + "-pids").split(","));
            List<Long> pids = items.stream().map(i -> Long.parseLong(i.substring(i.indexOf('=') + 1))).toList();
            List<String> processes = items.stream().map(i -> i.contains("=") ? i.substring(0, i.indexOf('=')) : i).toList();
            return new Service(o.getOrDefault(side + "-name", side), o.get(side), pids, processes);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("http.maxConnections", "64"); // one kept connection per client (the JDK keeps 5 by default)
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            o.put(args[i].substring(2), args[i + 1]);
        }
        Service on = Service.of(o, "a");
        Service off = Service.of(o, "b");
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        String source = o.get("source");
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "6"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));

        String f = source == null ? "" : "sources: [\\\"" + source + "\\\"], includeSynthetic: true";
        String factBox = "query($from: Date!, $to: Date!) { flows(filter: {supplierCountries: [\\\"CN\\\"], recipientCountries: [\\\"RU\\\"], "
                + "periodFrom: $from, periodTo: $to, topic: \\\"drone-components\\\", " + f + "}) { servedFrom edges { node { value { text } "
                + "shipmentCount } } } }";
        String page = "query($from: Date!, $to: Date!) { shipments(filter: {supplierCountries: [\\\"CN\\\"], recipientCountries: [\\\"RU\\\"], "
                + "hsCodes: [\\\"84\\\"], periodFrom: $from, periodTo: $to, " + f + "}, first: 20) { edges { cursor node { id period { start } "
                + "supplier { name } recipient { name } hsCode value { amount currency qualifier } valueEur } } pageInfo { hasNextPage endCursor } } }";
        Function<SplittableRandom, String> year2024 = r -> "{\"from\": \"2024-01-01\", \"to\": \"2024-12-31\"}";
        // a window of 30 to 91 days starting on any day of ten years: (almost) never asked for before
        Function<SplittableRandom, String> window = r -> {
            LocalDate from = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3560));
            return "{\"from\": \"" + from + "\", \"to\": \"" + from.plusDays(29 + r.nextInt(62)) + "\"}";
        };
        List<Mix> mixes = List.of(
                new Mix("fact box, kept", r -> body(factBox, year2024.apply(r))),
                new Mix("fact box, cold", r -> body(factBox, window.apply(r))),
                new Mix("page of shipments, kept", r -> body(page, year2024.apply(r))),
                new Mix("page of shipments, cold", r -> body(page, window.apply(r))));

        for (Service service : List.of(on, off)) { // warm-up: the engine is built and the JIT has seen every path
            for (Mix m : mixes) {
                String sample = sample(service.url(), m);
                if (sample == null || sample.contains("\"errors\"")) {
                    throw new IllegalStateException(m.name() + " answered with errors at " + service.url() + ": " + sample);
                }
                Phase p = run(service, m, clients, warmup);
                System.out.printf("warm-up %s %-26s %d requests, %d errors%n", service.url(), m.name(), p.requests(), p.errors());
            }
        }
        Map<String, long[]> errors = new LinkedHashMap<>(); // answers that were not a clean 200 (a TIMEOUT on a loaded machine)
        Map<String, List<double[]>> byMix = new LinkedHashMap<>(); // per round: {rps A, rps B, cpu ms A, cpu ms B}
        Map<String, List<List<long[]>>> latencies = new LinkedHashMap<>(); // per mix: {A's phases, B's phases}
        Map<String, List<Phase>> phasesOfA = new LinkedHashMap<>(); // for the split of A's CPU by process
        for (int round = 0; round < rounds; round++) {
            for (Mix m : mixes) {
                boolean onFirst = round % 2 == 0;
                Phase first = run(onFirst ? on : off, m, clients, seconds);
                Phase second = run(onFirst ? off : on, m, clients, seconds);
                Phase pOn = onFirst ? first : second;
                Phase pOff = onFirst ? second : first;
                errors.merge(m.name(), new long[] {pOn.errors(), pOff.errors()}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                byMix.computeIfAbsent(m.name(), k -> new ArrayList<>())
                        .add(new double[] {pOn.rps(), pOff.rps(), pOn.cpuMillisPerRequest(), pOff.cpuMillisPerRequest()});
                List<List<long[]>> lat = latencies.computeIfAbsent(m.name(), k -> List.of(new ArrayList<>(), new ArrayList<>()));
                lat.get(0).add(pOn.nanos());
                lat.get(1).add(pOff.nanos());
                phasesOfA.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(pOn);
                System.out.printf("round %d %-26s A %8.1f req/s %6.2f ms CPU/req  B %8.1f req/s %6.2f ms CPU/req  ratios %.3f %.3f%n",
                        round + 1, m.name(), pOn.rps(), pOn.cpuMillisPerRequest(), pOff.rps(), pOff.cpuMillisPerRequest(),
                        pOn.rps() / pOff.rps(), pOff.cpuMillisPerRequest() / pOn.cpuMillisPerRequest());
            }
        }

        String ab = on.name() + " / " + off.name();
        String ba = off.name() + " / " + on.name();
        StringBuilder md = new StringBuilder();
        md.append("| mix | req/s " + ab + " (medians) | throughput ratio per round | median | CPU ms/request " + ab + " (medians) | "
                + "CPU ratio (" + ba + ") per round | median | CPU saved by " + off.name() + " (1 - median ratio) | errors " + ab + " | p50 ms " + ab
                + " | p99 ms " + ab + " |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var e : byMix.entrySet()) {
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            List<List<Double>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (double[] x : e.getValue()) {
                ratios.add(x[0] / x[1]);
                cpuRatios.add(x[3] / x[2]);
                for (int i = 0; i < 4; i++) {
                    columns.get(i).add(x[i]);
                }
            }
            long[] err = errors.get(e.getKey());
            long[] latA = pooled(latencies.get(e.getKey()).get(0));
            long[] latB = pooled(latencies.get(e.getKey()).get(1));
            md.append(String.format("| %s | %.1f / %.1f | %s | %.3f | %.2f / %.2f | %s | %.3f | %+.1f %% | %d / %d | %.1f / %.1f | %.1f / %.1f |%n",
                    e.getKey(), median(columns.get(0)), median(columns.get(1)), joined(ratios), median(ratios), median(columns.get(2)),
                    median(columns.get(3)), joined(cpuRatios), median(cpuRatios), (1 - median(cpuRatios)) * 100, err[0], err[1],
                    percentile(latA, 0.50), percentile(latB, 0.50), percentile(latA, 0.99), percentile(latB, 0.99)));
        }
        if (on.pids().size() > 1) {
            md.append("\nCPU ms/request of " + on.name() + " by process (median over the rounds):\n\n| mix | "
                    + String.join(" | ", on.processes()) + " |\n|---|" + "---|".repeat(on.processes().size()) + "\n");
            for (var e : phasesOfA.entrySet()) {
                md.append("| ").append(e.getKey());
                for (int i = 0; i < on.pids().size(); i++) {
                    int process = i;
                    md.append(String.format(" | %.3f", median(e.getValue().stream()
                            .map(p -> p.cpuByProcess()[process] * 1000 / p.requests()).toList())));
                }
                md.append(" |\n");
            }
        }
        if (o.containsKey("profile-seconds")) {
            md.append(profile(on, mixes, clients, Integer.parseInt(o.get("profile-seconds")), o.getOrDefault("work", "target")));
        }
        System.out.print(md);
        if (o.containsKey("table")) {
            Files.writeString(Path.of(o.get("table")), md.toString());
        }
    }

    /** The classes that make the checks: a sample with one of them anywhere on its stack is time spent checking. */
    static final List<String> CHECKS = List.of("org.tradeflows.api.engine.RequestLimitsInstrumentation.",
            "org.tradeflows.api.engine.QueryShape", "org.tradeflows.api.engine.RequestBudget.",
            "org.tradeflows.api.engine.RequestBudgets.");

    /**
     * The direct measure, steady on a shared machine: each cold mix driven alone against the service with the checks
     * while Java Flight Recorder samples it (settings=profile: a sample of each running thread every 10 ms); the
     * share of its samples with one of the checks' classes on the stack (self and callees: the measuring, the time
     * budget's timer and register) is the share of the service's CPU the checks take.
     */
    static String profile(Service on, List<Mix> mixes, int clients, int seconds, String work) throws Exception {
        StringBuilder md = new StringBuilder("\n| cold mix, service with the checks, profiled | samples | with a check on the stack | share |\n|---|---:|---:|---:|\n");
        for (Mix m : mixes) {
            if (!m.name().endsWith("cold")) {
                continue;
            }
            Path file = Path.of(work, "checks-" + m.name().replaceAll("[^a-z]+", "-") + ".jfr").toAbsolutePath();
            Files.deleteIfExists(file);
            exec("jcmd", String.valueOf(on.pids().get(0)), "JFR.start", "name=checks", "settings=profile", "filename=" + file);
            Phase p = run(on, m, clients, seconds);
            exec("jcmd", String.valueOf(on.pids().get(0)), "JFR.stop", "name=checks");
            long samples = 0;
            long checking = 0;
            boolean inSample = false;
            boolean found = false;
            for (String line : exec("jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "300", file.toString()).lines().toList()) {
                if (line.startsWith("jdk.ExecutionSample")) {
                    inSample = true;
                    found = false;
                    samples++;
                } else if (inSample && line.equals("}")) {
                    inSample = false;
                    checking += found ? 1 : 0;
                } else if (inSample && !found && CHECKS.stream().anyMatch(line::contains)) {
                    found = true;
                }
            }
            System.out.printf("profiled %-26s %d requests, %d samples, %d with a check on the stack%n", m.name(), p.requests(), samples, checking);
            md.append(String.format("| %s | %d | %d | %.1f %% |%n", m.name(), samples, checking, 100.0 * checking / Math.max(1, samples)));
        }
        return md.toString();
    }

    static String exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    static String joined(List<Double> xs) {
        return String.join(" ", xs.stream().map(x -> String.format("%.3f", x)).toList());
    }

    /** User and system CPU seconds the processes have used (/proc/PID/stat, fields 14 and 15, in clock ticks of 1/100 s). */
    static double[] cpuSeconds(List<Long> pids) throws IOException {
        double[] seconds = new double[pids.size()];
        for (int i = 0; i < pids.size(); i++) {
            String stat = Files.readString(Path.of("/proc/" + pids.get(i) + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            seconds[i] = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        }
        return seconds;
    }

    static long[] pooled(List<long[]> phases) {
        long[] all = phases.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** The q-quantile of sorted request times, in milliseconds (nearest rank). */
    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(rank, sortedNanos.length - 1))] / 1e6;
    }

    static String body(String query, String variables) {
        return "{\"query\": \"" + query + "\", \"variables\": " + variables + "}";
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static Phase run(Service service, Mix mix, int clients, int seconds) throws Exception {
        String url = service.url();
        double[] cpuBefore = cpuSeconds(service.pids());
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> times = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int c = 0; c < clients; c++) {
            long seed = c * 7919L + System.nanoTime();
            pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                long[] mine = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    String body = mix.body().apply(r);
                    long sent = System.nanoTime();
                    try {
                        String answer = post(url, body);
                        if (answer == null || answer.contains("\"errors\"")) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - sent;
                    requests.incrementAndGet();
                }
                times.add(Arrays.copyOf(mine, n));
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double[] cpu = cpuSeconds(service.pids());
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] -= cpuBefore[i];
        }
        return new Phase(requests.get(), errors.get(), (System.nanoTime() - start) / 1e9, cpu,
                times.stream().flatMapToLong(Arrays::stream).toArray());
    }

    static String sample(String url, Mix mix) throws IOException {
        return post(url, mix.body().apply(new SplittableRandom(1)));
    }

    /** One POST; the answer's text, or null for a status other than 200. Read to the end so the connection is kept. */
    static String post(String url, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url + "/graphql").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("Accept", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = "";
        if (in != null) {
            try (in) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return status == 200 ? text : null;
    }
}
