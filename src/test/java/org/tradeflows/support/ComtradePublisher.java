package org.tradeflows.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * UN Comtrade's API v1 replayed on loopback (the JDK's HttpServer on port 0): {@code /data/v1/get/C/{A|M}/HS} (with
 * the header Ocp-Apim-Subscription-Key) and {@code /public/v1/preview/C/{A|M}/HS} answer, in the API's JSON layout
 * ({@code {"elapsedTime", "count", "data": [...]}} with its field names), the records of {@link #RECORDS} that the
 * query's reporterCode, period, partnerCode, cmdCode and flowCode select, at most maxRecords of them (count is then
 * the number returned, as the API does). FABRICATED: the records are made up by {@link #fabricate()} in Comtrade's
 * layout; no UN Comtrade data is in this project (its terms forbid redistribution). A test can make the next
 * answers 429 (Too Many Requests) with a Retry-After.
 */
public class ComtradePublisher implements QuarkusTestResourceLifecycleManager {

    /** A subscription key made up for the tests; it must never appear in a log line or a table. */
    public static final String KEY = "fabricated-comtrade-key-7f3a9c";
    /** The cap per call the service is configured with, small so that the fabricated records make a call reach it. */
    public static final int CAP = 60;

    public static final List<Map<String, Object>> RECORDS = Collections.unmodifiableList(fabricate());
    private static final List<String> QUERIES = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> KEYS_SEEN = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger TOO_MANY = new AtomicInteger();
    /** Data answers left before the API fails (503) until {@link #recover}; negative: never. */
    private static final AtomicInteger ANSWERS_LEFT = new AtomicInteger(-1);
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ComtradePublisher::answer);
        server.start();
        return Map.of("tradeflows.fetch.comtrade.url", url(), "tradeflows.fetch.comtrade.subscription-key", KEY,
                "tradeflows.fetch.comtrade.records-per-call", String.valueOf(CAP),
                "tradeflows.fetch.comtrade.max-wait", "2S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The query strings answered with data (200), in order. */
    public static List<String> queries() {
        synchronized (QUERIES) {
            return List.copyOf(QUERIES);
        }
    }

    public static List<String> keysSeen() {
        synchronized (KEYS_SEEN) {
            return List.copyOf(KEYS_SEEN);
        }
    }

    /** The next {@code n} requests are answered 429 with Retry-After: 1. */
    public static void tooManyRequests(int n) {
        TOO_MANY.set(n);
    }

    /** After {@code n} more data answers, every request is answered 503 (an outage) until {@link #recover}. */
    public static void failAfter(int n) {
        ANSWERS_LEFT.set(n);
    }

    public static void recover() {
        ANSWERS_LEFT.set(-1);
    }

    private static void answer(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            KEYS_SEEN.add(String.valueOf(x.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key")));
            if (TOO_MANY.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                x.getResponseHeaders().add("Retry-After", "1");
                send(x, 429, "{\"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 1 seconds.\"}");
                return;
            }
            String freq;
            if (path.matches("/data/v1/get/C/[AM]/HS") || path.matches("/public/v1/preview/C/[AM]/HS")) {
                freq = path.substring(path.length() - 4, path.length() - 3);
            } else {
                send(x, 404, "{\"error\": \"not found\"}");
                return;
            }
            if (ANSWERS_LEFT.get() == 0) {
                send(x, 503, "{\"statusCode\": 503, \"message\": \"Service unavailable\"}");
                return;
            }
            ANSWERS_LEFT.getAndUpdate(n -> n > 0 ? n - 1 : n);
            Map<String, String> q = new HashMap<>();
            String raw = x.getRequestURI().getRawQuery();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            QUERIES.add(path + "?" + raw);
            int max = Integer.parseInt(q.getOrDefault("maxRecords", "500"));
            List<Map<String, Object>> out = RECORDS.stream()
                    .filter(r -> r.get("freqCode").equals(freq))
                    .filter(r -> in(q, "reporterCode", r) && in(q, "period", r) && in(q, "partnerCode", r)
                            && in(q, "cmdCode", r) && in(q, "flowCode", r))
                    .limit(max).toList();
            StringBuilder json = new StringBuilder("{\"elapsedTime\":\"0.01 secs\",\"count\":").append(out.size())
                    .append(",\"data\":[");
            for (int i = 0; i < out.size(); i++) {
                json.append(i == 0 ? "" : ",").append(out.get(i).entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof String s ? "\"" + s + "\""
                                : String.valueOf(e.getValue())))
                        .collect(Collectors.joining(",", "{", "}")));
            }
            json.append("],\"error\":\"\"}");
            send(x, 200, json.toString());
        }
    }

    private static boolean in(Map<String, String> q, String param, Map<String, Object> r) {
        String v = q.get(param);
        if (v == null || v.isEmpty()) {
            return true;
        }
        Set<String> wanted = new HashSet<>(Arrays.asList(v.split(",")));
        return wanted.contains(String.valueOf(r.get(param)));
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * FABRICATED records in Comtrade's layout: reporters China 156, Russia 643, Kazakhstan 398; partners those and
     * Kyrgyzstan 417, Armenia 51 and World 0; flows M and X; HS chapters 84, 85, 88, 90; annual 2021-2023 and monthly
     * 2021-2022. Every seventh record is an estimate (isReported false).
     */
    static List<Map<String, Object>> fabricate() {
        List<Map<String, Object>> out = new ArrayList<>();
        int[] reporters = {156, 643, 398};
        String[] iso = {"CHN", "RUS", "KAZ"};
        int[] partners = {156, 643, 398, 417, 51, 0};
        String[] partnerIso = {"CHN", "RUS", "KAZ", "KGZ", "ARM", "W00"};
        List<String> periods = new ArrayList<>(List.of("2021", "2022", "2023"));
        for (int y = 2021; y <= 2022; y++) {
            for (int m = 1; m <= 12; m++) {
                periods.add(String.format("%d%02d", y, m));
            }
        }
        int n = 0;
        for (String period : periods) {
            for (int ri = 0; ri < reporters.length; ri++) {
                for (int pi = 0; pi < partners.length; pi++) {
                    if (reporters[ri] == partners[pi]) {
                        continue;
                    }
                    for (String flow : List.of("M", "X")) {
                        for (String cmd : List.of("84", "85", "88", "90")) {
                            n++;
                            Map<String, Object> r = new java.util.LinkedHashMap<>();
                            r.put("typeCode", "C");
                            r.put("freqCode", period.length() == 4 ? "A" : "M");
                            r.put("refPeriodId", Integer.parseInt(period.length() == 4 ? period + "0101" : period + "01"));
                            r.put("refYear", Integer.parseInt(period.substring(0, 4)));
                            r.put("refMonth", period.length() == 4 ? 52 : Integer.parseInt(period.substring(4)));
                            r.put("period", period);
                            r.put("reporterCode", reporters[ri]);
                            r.put("reporterISO", iso[ri]);
                            r.put("flowCode", flow);
                            r.put("partnerCode", partners[pi]);
                            r.put("partnerISO", partnerIso[pi]);
                            r.put("partner2Code", 0);
                            r.put("classificationCode", "H6");
                            r.put("cmdCode", cmd);
                            r.put("aggrLevel", 2);
                            r.put("isLeaf", false);
                            r.put("customsCode", "C00");
                            r.put("mosCode", "0");
                            r.put("motCode", 0);
                            r.put("qtyUnitCode", -1);
                            r.put("qtyUnitAbbr", "N/A");
                            r.put("qty", 0);
                            r.put("isQtyEstimated", false);
                            r.put("netWgt", (n * 113) % 90_000 + 0.5);
                            r.put("isNetWgtEstimated", false);
                            r.put("primaryValue", (n * 7919L) % 9_000_000 + 1000 + (n % 100) / 100.0);
                            r.put("cifvalue", null);
                            r.put("fobvalue", null);
                            r.put("legacyEstimationFlag", 0);
                            r.put("isReported", n % 7 != 0);
                            r.put("isAggregate", partners[pi] == 0);
                            out.add(r);
                        }
                    }
                }
            }
        }
        return out;
    }
}
