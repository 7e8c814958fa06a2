package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.publish.oci.BaseImages;
import io.gardenlinux.glci.publish.oci.OciRegistries;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Tags each {@code <ociPath>/gardenlinux-<name>:<versionLabel>} base image also as {@code latest}. */
@Mojo(name = "tag-base-images", requiresProject = false, threadSafe = true)
public class TagBaseImagesMojo extends AbstractOciMojo {

    /** The registry path of the base images (env {@code OCI_PATH}). */
    @Parameter(property = "glci.ociPath")
    private String ociPath;

    /** The tag of this build's base images, {@code <version>-<committish>}. */
    @Parameter(property = "glci.versionLabel")
    private String versionLabel;

    @Override
    protected void run() throws MojoExecutionException {
        String path = required(ociPath, "glci.ociPath", "OCI_PATH");
        String label = required(versionLabel, "glci.versionLabel", null);
        try (OciRegistries registries = registries()) {
            new BaseImages(registries, reporter()).tagLatest(path, label);
        }
    }
}
