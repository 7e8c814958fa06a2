package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a goal's credentials come from, as in the original CI: inside a pipeline step the mounted document named by
 * {@code SECRETS_SERVER_CACHE} (decrypted with {@code SECRET_CIPHER_ALGORITHM} and {@code SECRET_KEY}), elsewhere
 * the credentials folder with {@code cfg_types.yaml} ({@code ci/cfg} of a checkout).
 *
 * @param document the mounted document, when there is one
 * @param cfgDir the credentials folder, read when there is no document
 * @param settings the cipher settings
 */
public record CredentialSource(Optional<Path> document, Path cfgDir, SettingValues settings) {

    /** The source of these settings: the document of {@link GlciSettings#SECRETS_SERVER_CACHE}, else {@code cfgDir}. */
    public static CredentialSource of(SettingValues settings, Path cfgDir) {
        return new CredentialSource(settings.find(GlciSettings.SECRETS_SERVER_CACHE).map(Path::of), cfgDir, settings);
    }

    /** Whether there are credentials to read: a mounted document, or a folder with {@code cfg_types.yaml}. */
    public boolean exists() {
        return document.isPresent() || Files.isRegularFile(cfgDir.resolve(Credentials.CFG_TYPES_FILE));
    }

    /** Where the credentials are read from, for messages. */
    public String describe() {
        return document.map(d -> "the document " + d + " (SECRETS_SERVER_CACHE)").orElse("the folder " + cfgDir);
    }

    /** Reads the credentials; a document is decrypted when a cipher other than {@code PLAINTEXT} is set. */
    public Credentials read() {
        if (document.isEmpty()) {
            return Credentials.readDirectory(cfgDir);
        }
        Path file = document.get();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GlciException("SECRETS_SERVER_CACHE=" + file + ": cannot read the credentials: " + e.getMessage(),
                    e);
        }
        SecretCipher cipher = settings.get(GlciSettings.SECRET_CIPHER_ALGORITHM);
        if (cipher == SecretCipher.PLAINTEXT) {
            return Credentials.readDocument(content, file.toString());
        }
        return Credentials.readDocument(content, file.toString(), cipher,
                SecretCipher.decodeKey(settings.get(GlciSettings.SECRET_KEY)));
    }

    /** No credentials at all: for goals that can work anonymously. */
    public static Credentials none() {
        return Credentials.readDocument("{}".getBytes(StandardCharsets.UTF_8), "no credentials");
    }
}
