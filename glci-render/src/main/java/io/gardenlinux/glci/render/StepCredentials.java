package io.gardenlinux.glci.render;

import java.util.Objects;

/**
 * How steps reach the credentials document. Never a credential itself: the document comes from the Secret
 * {@value #SECRET_NAME} mounted at {@value #MOUNT_PATH}, the decryption key from the Secret {@value #KEY_SECRET_NAME}
 * through {@code secretKeyRef}, or everything from a secrets server.
 *
 * @param secretsServerEndpoint the secrets server's URL (the original's {@code SECRETS_SERVER_ENDPOINT}), or null to
 *     mount the Secret {@value #SECRET_NAME}
 * @param cipherAlgorithm the algorithm the document is encrypted with ({@code SECRET_CIPHER_ALGORITHM}, e.g.
 *     {@code AES.GCM}), or null when it is not encrypted
 */
public record StepCredentials(String secretsServerEndpoint, String cipherAlgorithm) {

    /** The Secret holding the credentials document under the key {@value #DOCUMENT_KEY}. */
    public static final String SECRET_NAME = "secrets";
    public static final String DOCUMENT_KEY = "config.json";
    public static final String VOLUME_NAME = "secrets";
    public static final String MOUNT_PATH = "/secrets";
    /** The Secret holding the key that decrypts the document, under the key {@value #KEY_SECRET_KEY}. */
    public static final String KEY_SECRET_NAME = "secrets-key";
    public static final String KEY_SECRET_KEY = "key";

    /** The Secret volume, no encryption: the original's default. */
    public static StepCredentials secretVolume() {
        return new StepCredentials(null, null);
    }

    /** The Secret volume, the document encrypted with {@code algorithm}. */
    public static StepCredentials encryptedSecretVolume(String algorithm) {
        return new StepCredentials(null, Objects.requireNonNull(algorithm, "algorithm"));
    }

    /** A secrets server at {@code endpoint}: no Secret volume. */
    public static StepCredentials secretsServer(String endpoint, String algorithm) {
        return new StepCredentials(Objects.requireNonNull(endpoint, "endpoint"), algorithm);
    }

    public boolean usesSecretsServer() {
        return secretsServerEndpoint != null;
    }

    public boolean isEncrypted() {
        return cipherAlgorithm != null;
    }
}
