package io.gardenlinux.glci.publish.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in the OCI form {@code sha256:<hex>}. */
final class Digests {

    static final String SHA256_PREFIX = "sha256:";

    private Digests() {
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String sha256(byte[] content) {
        return format(newSha256().digest(content));
    }

    static String format(byte[] sha256) {
        return SHA256_PREFIX + HexFormat.of().formatHex(sha256);
    }
}
