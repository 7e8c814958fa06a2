package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.publish.oci.OciRegistries;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The registries for the OCI goals: reached with the {@code container_registry} credentials when there are
 * credentials (the mounted document or the credentials folder), anonymously otherwise.
 */
final class OciAccess {

    private OciAccess() {
    }

    /** The registries; the caller closes them. */
    static OciRegistries registries(AbstractGlciMojo mojo) {
        boolean mounted = mojo.env(AbstractGlciMojo.SECRETS_SERVER_CACHE).isPresent();
        Path dir = mojo.cfgDir != null ? mojo.cfgDir.toPath() : mojo.repoRoot().resolve("ci").resolve("cfg");
        if (mounted || Files.isRegularFile(dir.resolve(Credentials.CFG_TYPES_FILE))) {
            return OciRegistries.of(mojo.credentials(), mojo.reporter());
        }
        mojo.reporter().info("no credentials (" + AbstractGlciMojo.SECRETS_SERVER_CACHE + " unset, no "
                + dir.resolve(Credentials.CFG_TYPES_FILE) + "): registries are reached anonymously");
        return OciRegistries.anonymous(mojo.reporter());
    }
}
