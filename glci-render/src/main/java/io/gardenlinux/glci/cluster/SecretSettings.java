package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.credentials.SecretCipher;
import io.gardenlinux.glci.render.StepCredentials;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How pipeline steps get their credentials, from the original's environment variables: from a secrets server
 * ({@code SECRETS_SERVER_ENDPOINT}, or the README's spelling {@code SECRET_SERVER_ENDPOINT}), else from the Secret
 * {@code secrets}; stored encrypted when {@code SECRET_CIPHER_ALGORITHM} and {@code SECRET_KEY} are both set.
 *
 * @param secretsServer the secrets server, when steps ask one instead of reading the Secret
 * @param cipher how the credentials document is protected
 * @param key {@code SECRET_KEY} (base64), present whenever {@code cipher} is not {@code PLAINTEXT}
 */
public record SecretSettings(Optional<SecretsServer> secretsServer, SecretCipher cipher, Optional<String> key) {

    /** The original's variable for the secrets server. */
    public static final String SECRETS_SERVER_ENDPOINT = "SECRETS_SERVER_ENDPOINT";
    /** The spelling of the original's README, accepted too. */
    public static final String SECRET_SERVER_ENDPOINT = "SECRET_SERVER_ENDPOINT";
    public static final String SECRET_CIPHER_ALGORITHM = "SECRET_CIPHER_ALGORITHM";
    public static final String SECRET_KEY = "SECRET_KEY";

    /**
     * A secrets server and the variable that named it.
     *
     * @param variable {@code SECRETS_SERVER_ENDPOINT} or {@code SECRET_SERVER_ENDPOINT}
     * @param endpoint its value
     */
    public record SecretsServer(String variable, String endpoint) {
    }

    public SecretSettings {
        Objects.requireNonNull(secretsServer, "secretsServer");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(key, "key");
        if (cipher != SecretCipher.PLAINTEXT && key.isEmpty()) {
            throw new GlciException(SECRET_CIPHER_ALGORITHM + "=" + cipher.wireValue() + " needs " + SECRET_KEY
                    + " (a base64 AES key of 16, 24 or 32 bytes)");
        }
    }

    /** Plain credentials in the Secret {@code secrets}: the original's default. */
    public static SecretSettings plain() {
        return new SecretSettings(Optional.empty(), SecretCipher.PLAINTEXT, Optional.empty());
    }

    /** The settings from the environment ({@code env} gives a variable's value, empty when unset or blank). */
    public static SecretSettings fromEnvironment(Function<String, Optional<String>> env) {
        Optional<SecretsServer> server = env.apply(SECRETS_SERVER_ENDPOINT)
                .map(v -> new SecretsServer(SECRETS_SERVER_ENDPOINT, v))
                .or(() -> env.apply(SECRET_SERVER_ENDPOINT).map(v -> new SecretsServer(SECRET_SERVER_ENDPOINT, v)));
        Optional<String> algorithm = env.apply(SECRET_CIPHER_ALGORITHM);
        Optional<String> key = env.apply(SECRET_KEY);
        if (algorithm.isPresent() && algorithm.get().strip().equalsIgnoreCase(SecretCipher.PLAINTEXT.wireValue())) {
            // the original README's setting: not encrypted, whatever SECRET_KEY holds
            return new SecretSettings(server, SecretCipher.PLAINTEXT, Optional.empty());
        }
        if (algorithm.isPresent() != key.isPresent()) {
            throw new GlciException("set both " + SECRET_CIPHER_ALGORITHM + " and " + SECRET_KEY + " or neither; only "
                    + (algorithm.isPresent() ? SECRET_CIPHER_ALGORITHM : SECRET_KEY) + " is set");
        }
        if (algorithm.isEmpty()) {
            return new SecretSettings(server, SecretCipher.PLAINTEXT, Optional.empty());
        }
        SecretCipher cipher = SecretCipher.fromAlgorithmName(algorithm.get());
        SecretCipher.decodeKey(key.get());
        return new SecretSettings(server, cipher, key);
    }

    /** How rendered steps reach the credentials under these settings. */
    public StepCredentials stepCredentials() {
        String algorithm = encrypted() ? cipher.wireValue() : null;
        return secretsServer.isPresent() ? StepCredentials.secretsServer(secretsServer.get().endpoint(), algorithm)
                : algorithm == null ? StepCredentials.secretVolume() : StepCredentials.encryptedSecretVolume(algorithm);
    }

    /** Whether the credentials document is stored encrypted. */
    public boolean encrypted() {
        return cipher != SecretCipher.PLAINTEXT;
    }
}
