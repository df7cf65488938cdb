package org.tradeflows.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The shape of an API key: "tf_" and 43 characters of base64url, 256 random bits. A key that high in entropy needs no
 * salt or slow hash: its SHA-256 is enough to find it and useless to guess from.
 */
public final class ApiKeySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "tf_";
    private static final Pattern SHAPE = Pattern.compile("^tf_[A-Za-z0-9_-]{43}$");
    /** Characters of the key kept in clear, to recognise a key in listings. */
    public static final int SHOWN = 10;

    private ApiKeySecrets() {
    }

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when the text can be a key of ours; anything else is refused without asking the database. */
    public static boolean wellFormed(String key) {
        return key != null && SHAPE.matcher(key).matches();
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
