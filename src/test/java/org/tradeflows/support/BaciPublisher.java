package org.tradeflows.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * CEPII's download directory replayed on loopback (a plain HTTP/1.1 socket server on port 0, so that a download can
 * really be cut: the JDK's HttpServer keeps the connection open): serves {@code BACI_HS22_V{version}.zip}
 * archives a test publishes, whole, cut off halfway (the Content-Length promised, half the bytes sent, the connection
 * closed) or as given (a damaged archive). The service is pointed at it by tradeflows.fetch.baci.url.
 */
public class BaciPublisher implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> CUT = new ConcurrentHashMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final String PATH = "/DATA_DOWNLOAD/baci/data/";
    private static ServerSocket server;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread t = new Thread(() -> serve(socket), "baci-publisher-answer");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "baci-publisher");
        accept.setDaemon(true);
        accept.start();
        return Map.of("tradeflows.fetch.baci.url", url());
    }

    /** One HTTP/1.1 exchange, then the connection is closed (a cut one before its promised length). */
    private static void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String requestLine = in.readLine();
            for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                // headers are not needed
            }
            REQUESTS.incrementAndGet();
            String path = requestLine == null ? "" : requestLine.split(" ")[1];
            String name = path.startsWith(PATH) ? path.substring(PATH.length()) : "";
            byte[] body = FILES.get(name);
            OutputStream out = socket.getOutputStream();
            if (body == null) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            boolean cut = CUT.getOrDefault(name, false);
            out.write(body, 0, cut ? body.length / 2 : body.length);
            out.flush();
            // a cut download: the connection closes before the promised length
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // stopping anyway
        }
    }

    public static String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + PATH;
    }

    public static String zipName(String version) {
        return "BACI_HS22_V" + version + ".zip";
    }

    /** Serves an archive under the version's name, whole or cut off halfway. */
    public static void publish(String version, byte[] zip, boolean cut) {
        FILES.put(zipName(version), zip);
        CUT.put(zipName(version), cut);
    }

    public static int requests() {
        return REQUESTS.get();
    }

    /**
     * An archive in BACI's layout: per year {@code BACI_HS22_Y{year}_V{version}.csv} (t,i,j,k,v,q), then
     * {@code country_codes_V{version}.csv}, {@code product_codes_HS22_V{version}.csv} and a readme.
     */
    public static byte[] archive(String version, Map<Integer, String> csvByYear) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("Readme.txt", "BACI version " + version + " (test replay)\n");
        csvByYear.forEach((year, csv) -> entries.put("BACI_HS22_Y" + year + "_V" + version + ".csv", csv));
        entries.put("country_codes_V" + version + ".csv", "country_code,country_name,country_iso2,country_iso3\n"
                + "156,China,CN,CHN\n643,Russian Federation,RU,RUS\n398,Kazakhstan,KZ,KAZ\n842,USA,US,USA\n");
        entries.put("product_codes_HS22_V" + version + ".csv", "code,description\n847130,\"Portable computers\"\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
