package org.tradeflows.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets of webhooks and the signature of each delivery (README, "Webhooks"): hex of HMAC-SHA256, keyed with the
 * secret's text (UTF-8), over the timestamp header, a dot and the body's bytes, as Stripe signs, so a receiver checks
 * both the body and its freshness with one comparison.
 */
public final class WebhookSignatures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "whsec_";
    /** The signature header's value is this and the hex digest, as GitHub's X-Hub-Signature-256. */
    public static final String SCHEME = "sha256=";

    private WebhookSignatures() {
    }

    /** A new secret: "whsec_" and 43 characters of base64url, 256 random bits. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The signature header of a body sent at {@code timestamp} (Unix seconds, as sent in its own header). */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
