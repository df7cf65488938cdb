package org.tradeflows.api.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tradeflows.model.CodedException;

/**
 * Sends one POST of a delivery and says how it went, never throwing: the URL's rules are checked again and the host
 * resolved again first, and the request goes to the address just checked (with the host name in Host and in TLS's
 * server name), so what was checked is what is reached. Called on a delivery thread, never on an event loop: it waits
 * for the answer, at most the connect and read timeouts.
 */
final class WebhookSender {

    /** The outcome of one attempt: the receiver's status (null when none came) and, when it failed, why, in words. */
    record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return error == null;
        }
    }

    private final HttpClient client;
    private final long connectMillis;
    private final long readMillis;

    WebhookSender(Vertx vertx, long connectMillis, long readMillis, int concurrency) {
        this.connectMillis = connectMillis;
        this.readMillis = readMillis;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectMillis))
                .setKeepAlive(false).setVerifyHost(true).setMaxPoolSize(Math.max(1, concurrency)));
    }

    Outcome send(WebhookTargets targets, String url, Map<String, String> headers, byte[] body) {
        URI uri;
        List<InetAddress> addresses;
        try {
            uri = targets.url(url);
            addresses = targets.addresses(uri);
        } catch (CodedException refused) {
            return new Outcome(null, "not sent: " + refused.getMessage().replaceFirst("^url: ", ""));
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost()).setPort(port)
                .setURI(path).setSsl(https).setFollowRedirects(false)
                .setServer(SocketAddress.inetSocketAddress(port, addresses.get(0).getHostAddress()))
                .setConnectTimeout(connectMillis).setIdleTimeout(readMillis);
        headers.forEach(options::putHeader);
        try {
            int status = client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .map(response -> { // the status is the answer: its body is neither read nor waited for
                        response.handler(ignored -> { }).exceptionHandler(ignored -> { });
                        response.request().connection().close();
                        return response.statusCode();
                    })
                    .toCompletionStage().toCompletableFuture()
                    .get(connectMillis + readMillis + 1000, TimeUnit.MILLISECONDS);
            if (status >= 200 && status < 300) {
                return new Outcome(status, null);
            }
            return new Outcome(status, status >= 300 && status < 400
                    ? "the receiver answered " + status + " (a redirect); redirects are not followed, register the URL it points to"
                    : "the receiver answered " + status + "; only a 2xx status counts as received");
        } catch (TimeoutException e) {
            return new Outcome(null, "no answer within " + (connectMillis + readMillis) + " ms");
        } catch (ExecutionException e) {
            return new Outcome(null, words(e.getCause(), uri));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "not sent: the service was stopping");
        }
    }

    void close() {
        client.close();
    }

    /** What a failed exchange means to the receiver's owner, without class names. */
    private String words(Throwable t, URI uri) {
        String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String message = t == null || t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (t instanceof ConnectException || message.contains("connection refused")) {
            return "the connection to " + where + " was refused";
        }
        if (message.contains("timeout") || message.contains("timed out")) {
            return message.contains("connect") ? "could not connect to " + where + " within " + connectMillis + " ms"
                    : "the receiver sent no answer within " + readMillis + " ms";
        }
        if (t instanceof javax.net.ssl.SSLException || message.contains("ssl") || message.contains("certificate")) {
            return "the TLS handshake with " + where + " failed (is its certificate valid for " + uri.getHost() + "?)";
        }
        if (message.contains("closed")) {
            return "the receiver closed the connection before answering";
        }
        return "the request to " + where + " failed";
    }
}
