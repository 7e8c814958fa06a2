package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.build.BaseImage;
import io.gardenlinux.glci.publish.oci.BaseImages;
import io.gardenlinux.glci.publish.oci.OciRegistries;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Finds which build base images ({@code build}, {@code build-deb}, {@code build-image}) are missing as
 * {@code <ociPath>/gardenlinux-<name>:<versionLabel>} and writes their names, one per line, to
 * {@code glci.baseImagesToBuild}: the {@code build-baseimage} step builds only those.
 */
@Mojo(name = "check-base-images", requiresProject = false, threadSafe = true)
public class CheckBaseImagesMojo extends AbstractOciMojo {

    /** The registry path of the base images (env {@code OCI_PATH}). */
    @Parameter(property = "glci.ociPath")
    private String ociPath;

    /** The tag of this build's base images, {@code <version>-<committish>}. */
    @Parameter(property = "glci.versionLabel")
    private String versionLabel;

    /** The file to write the names of the missing images to; without it they are only reported. */
    @Parameter(property = "glci.baseImagesToBuild")
    private File baseImagesToBuild;

    @Override
    protected void run() throws MojoExecutionException {
        String path = required(ociPath, "glci.ociPath", "OCI_PATH");
        String label = required(versionLabel, "glci.versionLabel", null);
        try (OciRegistries registries = registries()) {
            List<BaseImage> missing = new BaseImages(registries, reporter()).missing(path, label);
            reporter().info(missing.isEmpty() ? "all base images exist for " + label
                    : "base images to build: " + missing);
            if (baseImagesToBuild != null) {
                BaseImages.writeNames(missing, baseImagesToBuild.toPath());
            }
        }
    }
}
