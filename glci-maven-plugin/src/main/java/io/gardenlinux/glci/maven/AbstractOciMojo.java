package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.publish.oci.OciRegistries;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * What the OCI goals share: the registries, reached with the {@code container_registry} credentials when there are
 * credentials (the mounted document or the credentials folder), anonymously otherwise.
 */
abstract class AbstractOciMojo extends AbstractGlciMojo {

    /** The registries; the caller closes them. */
    protected OciRegistries registries() {
        boolean mounted = env(SECRETS_SERVER_CACHE).isPresent();
        Path dir = cfgDir != null ? cfgDir.toPath() : repoRoot().resolve("ci").resolve("cfg");
        if (mounted || Files.isRegularFile(dir.resolve(Credentials.CFG_TYPES_FILE))) {
            return OciRegistries.of(credentials(), reporter());
        }
        reporter().info("no credentials (" + SECRETS_SERVER_CACHE + " unset, no " + dir.resolve(Credentials.CFG_TYPES_FILE)
                + "): registries are reached anonymously");
        return OciRegistries.anonymous(reporter());
    }

    /** A required parameter's value, or a failure naming the property and the environment variable. */
    protected String required(String configured, String property, String environmentVariable)
            throws MojoExecutionException {
        String value = environmentVariable != null ? parameter(configured, environmentVariable, null) : configured;
        if (value == null || value.isBlank()) {
            throw new MojoExecutionException("missing " + property
                    + (environmentVariable != null ? " (or environment variable " + environmentVariable + ")" : ""));
        }
        return value;
    }
}
