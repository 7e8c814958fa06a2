package io.gardenlinux.glci.publish.packages;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.credentials.GpgKey;
import io.gardenlinux.glci.publish.store.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code write-key}: writes the armoured private key of a {@code gpg_key} credential to the file the package build
 * signs with ({@code <repo>/cert/private.key}), readable and writable by its owner only from the moment it exists.
 */
public final class SigningKeyFile {

    private SigningKeyFile() {
    }

    public static void write(GpgKey key, Path file, Reporter reporter) {
        if (key.privateKey().isEmpty()) {
            throw new GlciException("gpg_key credential '" + key.name() + "': the private key is empty");
        }
        String armoured = key.privateKey().reveal();
        if (!armoured.endsWith("\n")) {
            armoured += "\n";
        }
        AtomicFiles.write(file, armoured.getBytes(StandardCharsets.UTF_8), true);
        reporter.info("wrote the private key of gpg_key credential '" + key.name() + "' to " + file
                + " (owner-only)");
    }
}
