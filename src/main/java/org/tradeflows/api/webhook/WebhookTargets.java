package org.tradeflows.api.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tradeflows.config.WebhooksConfig;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.model.CodedException;

/**
 * Where a webhook may post: an http(s) URL (https unless configured otherwise) whose host is on the admin's allow-list
 * and resolves only to public addresses (unless private ones are allowed, for tests). The addresses are checked when
 * a hook is made and again before every delivery, and the delivery connects to the address checked, so a host that
 * later resolves to an internal address (DNS rebinding) is refused, not reached.
 */
public record WebhookTargets(List<String> allowedHosts, boolean requireHttps, boolean allowPrivate) {

    static final int MAX_URL = 2000;

    public WebhookTargets {
        allowedHosts = allowedHosts.stream().map(WebhookTargets::normalHost).filter(h -> !h.isEmpty()).toList();
    }

    public static WebhookTargets of(WebhooksConfig config) {
        return new WebhookTargets(config.allowedHosts().orElse(List.of()), config.requireHttps(), config.allowPrivate());
    }

    /** A URL that passes every rule but the addresses'; refused (WEBHOOK_URL_REFUSED) with the reason in words. */
    public URI url(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw refused("url: an absolute https URL of at most " + MAX_URL + " characters, e.g. https://newsroom.example/hooks/tradeflows");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw refused("url: not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw refused("url: an absolute http(s) URL with a host name, e.g. https://newsroom.example/hooks/tradeflows");
        }
        if (requireHttps && !scheme.equals("https")) {
            throw refused("url: must be https: deliveries carry a signature and your answers, which should not travel in clear");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("url: must not carry a user name or password; the signature tells you a delivery is ours");
        }
        if (uri.getRawFragment() != null) {
            throw refused("url: must not have a fragment (#…): it is never sent to the receiver");
        }
        String host = normalHost(uri.getHost());
        if (allowedHosts.isEmpty()) {
            throw refused("url: this service allows webhooks to no host yet; ask its admin to add " + host
                    + " to tradeflows.webhooks.allowed-hosts");
        }
        if (allowedHosts.stream().noneMatch(allowed -> matches(allowed, host))) {
            throw refused("url: the host " + host + " is not on this service's allow-list of webhook hosts; ask its admin to add it "
                    + "(tradeflows.webhooks.allowed-hosts)");
        }
        return uri;
    }

    /** The addresses the URL's host resolves to now, every one of them allowed; refused with the reason otherwise. */
    public List<InetAddress> addresses(URI uri) {
        String host = normalHost(uri.getHost());
        InetAddress[] found;
        try {
            found = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused("url: the host " + host + " does not resolve to an address");
        }
        if (!allowPrivate) {
            for (InetAddress a : found) {
                String kind = nonPublic(a);
                if (kind != null) {
                    throw refused("url: the host " + host + " resolves to " + a.getHostAddress() + ", " + kind
                            + "; webhooks go only to public addresses");
                }
            }
        }
        return Arrays.asList(found);
    }

    /** What kind of non-public address this is (with its range), or null for a public one. */
    static String nonPublic(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (a.isLoopbackAddress()) {
            return "a loopback address (127.0.0.0/8, ::1)";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local address (169.254.0.0/16, fe80::/10)";
        }
        if (a.isSiteLocalAddress()) {
            return "a private address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            if (b0 == 0) {
                return "an address of this network (0.0.0.0/8)";
            }
            if (b0 == 100 && (b1 & 0xc0) == 64) {
                return "a shared address of carrier-grade NAT (100.64.0.0/10)";
            }
            if (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) {
                return "an IETF protocol address (192.0.0.0/24)";
            }
            if (b0 == 198 && (b1 & 0xfe) == 18) {
                return "a benchmarking address (198.18.0.0/15)";
            }
            if (b0 >= 240) {
                return "a reserved address (240.0.0.0/4)";
            }
            return null;
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return "a private address (unique local, fc00::/7)";
        }
        // IPv6 forms that carry an IPv4 address: IPv4-compatible (::/96), NAT64 (64:ff9b::/96), 6to4 (2002::/16)
        boolean compatible = Arrays.equals(Arrays.copyOf(b, 12), new byte[12]);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
        int at = compatible || nat64 ? 12 : b[0] == 0x20 && b[1] == 0x02 ? 2 : -1;
        if (at >= 0) {
            try {
                String inner = nonPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + 4)));
                return inner == null ? null : "an IPv6 form of " + inner;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // four bytes are always an address
            }
        }
        return null;
    }

    private static boolean matches(String allowed, String host) {
        return allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : allowed.equals(host);
    }

    /** Lower case, without a trailing dot or the brackets of an IPv6 literal. */
    private static String normalHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    static CodedException refused(String message) {
        return new CodedException(ErrorCodes.WEBHOOK_URL_REFUSED, message);
    }
}
