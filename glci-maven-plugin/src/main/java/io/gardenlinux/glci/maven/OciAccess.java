package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.credentials.CredentialSource;
import io.gardenlinux.glci.publish.oci.OciRegistries;

/**
 * The registries for the OCI goals: reached with the {@code container_registry} credentials when there are
 * credentials (the mounted document or the credentials folder), anonymously otherwise.
 */
final class OciAccess {

    private OciAccess() {
    }

    /** The registries; the caller closes them. */
    static OciRegistries registries(AbstractGlciMojo mojo) {
        CredentialSource source = mojo.credentialSource();
        if (source.exists()) {
            return OciRegistries.of(source.read(), mojo.reporter());
        }
        mojo.reporter().info("no credentials (SECRETS_SERVER_CACHE unset, nothing in " + source.describe()
                + "): registries are reached anonymously");
        return OciRegistries.anonymous(mojo.reporter());
    }
}
