import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * What the shared Redis adds to a kept answer: one client sends the same query (kept after its first run) to two
 * instances in turns, ROUNDS rounds of N requests each, and prints p50 and p99 per instance.
 * java bench/RedisCostBench.java URL_WITHOUT URL_WITH N ROUNDS
 */
public class RedisCostBench {
    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"query\":\"{ country(code: \\\"CN\\\") { name } }\"}";
        int n = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        long[][] times = new long[2][n * rounds];
        for (int r = 0; r < rounds; r++) {
            for (int which = 0; which < 2; which++) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(args[which] + "/graphql")).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                for (int w = 0; w < 200; w++) {
                    http.send(req, HttpResponse.BodyHandlers.discarding());
                }
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    HttpResponse<Void> res = http.send(req, HttpResponse.BodyHandlers.discarding());
                    times[which][r * n + i] = System.nanoTime() - t;
                    if (res.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + res.statusCode() + " from " + args[which]);
                    }
                }
            }
        }
        String[] names = {"without Redis", "with Redis"};
        double[] p50 = new double[2];
        for (int which = 0; which < 2; which++) {
            long[] t = times[which];
            Arrays.sort(t);
            p50[which] = t[t.length / 2] / 1e6;
            System.out.printf("%-14s requests %d  p50 %.3f ms  p99 %.3f ms%n", names[which], t.length, p50[which],
                    t[(int) (t.length * 0.99)] / 1e6);
        }
        System.out.printf("added by Redis at p50: %.3f ms%n", p50[1] - p50[0]);
    }
}
