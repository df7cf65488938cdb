package org.tradeflows.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A publisher's files replayed on loopback for one test class (a plain HTTP/1.1 socket server on port 0, as
 * {@link BaciPublisher}, so that a download can really be cut): a test publishes bodies under paths (the query
 * string is part of the path; a path ending in '*' answers every path it starts), whole or cut off halfway (the Content-Length promised, half the bytes sent, the
 * connection closed); anything else is a 404. Every request's path is kept, so a test sees what was downloaded.
 */
public final class FilePublisher implements AutoCloseable {

    private record File(byte[] body, String type, boolean cut) {
    }

    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ServerSocket server;

    public FilePublisher() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread t = new Thread(() -> serve(socket), "file-publisher-answer");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "file-publisher");
        accept.setDaemon(true);
        accept.start();
    }

    /** http://127.0.0.1:port (no trailing slash). */
    public String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public void publish(String path, byte[] body, String type, boolean cut) {
        files.put(path, new File(body, type, cut));
    }

    public void publish(String path, String body, String type) {
        publish(path, body.getBytes(StandardCharsets.UTF_8), type, false);
    }

    /** The paths requested so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String requestLine = in.readLine();
            for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                // headers are not needed
            }
            String path = requestLine == null ? "" : requestLine.split(" ")[1];
            requests.add(path);
            File file = files.get(path);
            if (file == null) {
                file = files.entrySet().stream().filter(e -> e.getKey().endsWith("*")
                        && path.startsWith(e.getKey().substring(0, e.getKey().length() - 1))).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
            }
            OutputStream out = socket.getOutputStream();
            if (file == null) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + file.type() + "\r\nContent-Length: " + file.body().length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(file.body(), 0, file.cut() ? file.body().length / 2 : file.body().length);
            out.flush();
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // stopping anyway
        }
    }
}
