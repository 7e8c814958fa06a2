package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
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

    /** The variables, as the settings table names them, for messages. */
    private static final String SECRET_CIPHER_ALGORITHM = GlciSettings.SECRET_CIPHER_ALGORITHM.environment().get(0);
    private static final String SECRET_KEY = GlciSettings.SECRET_KEY.environment().get(0);

    /**
     * A secrets server and the variable that named it.
     *
     * @param variable {@code SECRETS_SERVER_ENDPOINT} or {@code SECRET_SERVER_ENDPOINT}, or the setting's mention when given
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

    /** The settings from the environment alone ({@code env} gives a variable's value, empty when unset). */
    public static SecretSettings fromEnvironment(Function<String, Optional<String>> env) {
        return from(SettingValues.ofEnvironment(env));
    }

    /**
     * The settings: the secrets server of {@link GlciSettings#SECRETS_SERVER_ENDPOINT} (either variable), the cipher
     * of {@link GlciSettings#SECRET_CIPHER_ALGORITHM} with the key of {@link GlciSettings#SECRET_KEY}. Encryption
     * needs both, {@code PLAINTEXT} needs no key (the original README's setting, whatever {@code SECRET_KEY} holds).
     */
    public static SecretSettings from(SettingValues settings) {
        Optional<SecretsServer> server = settings.origin(GlciSettings.SECRETS_SERVER_ENDPOINT)
                .map(o -> new SecretsServer(o.variable().orElse(GlciSettings.SECRETS_SERVER_ENDPOINT.mention()),
                        o.text()));
        SecretCipher cipher = settings.get(GlciSettings.SECRET_CIPHER_ALGORITHM);
        Optional<String> key = settings.explicit(GlciSettings.SECRET_KEY);
        boolean algorithmGiven = settings.explicit(GlciSettings.SECRET_CIPHER_ALGORITHM).isPresent();
        if (cipher == SecretCipher.PLAINTEXT) {
            if (key.isPresent() && !algorithmGiven) {
                throw new GlciException("set both " + SECRET_CIPHER_ALGORITHM + " and " + SECRET_KEY
                        + " or neither; only " + SECRET_KEY + " is set");
            }
            return new SecretSettings(server, SecretCipher.PLAINTEXT, Optional.empty());
        }
        if (key.isEmpty()) {
            throw new GlciException("set both " + SECRET_CIPHER_ALGORITHM + " and " + SECRET_KEY + " or neither; only "
                    + SECRET_CIPHER_ALGORITHM + " is set");
        }
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
