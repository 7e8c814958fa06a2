package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.build.BaseImage;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.publish.oci.BaseImages;
import io.gardenlinux.glci.publish.oci.OciRegistries;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Finds which build base images ({@code build}, {@code build-deb}, {@code build-image}) are missing as
 * {@code <ociPath>/gardenlinux-<name>:<versionLabel>} and writes their names, one per line, to
 * {@code glci.baseImagesToBuild}: the {@code build-baseimage} step builds only those.
 */
@Mojo(name = "check-base-images", requiresProject = false, threadSafe = true)
public class CheckBaseImagesMojo extends AbstractOciMojo {

    /** The file to write the names of the missing images to; without it they are only reported. */
    @Parameter(property = "glci.baseImagesToBuild")
    private File baseImagesToBuild;

    @Override
    protected void run() {
        String path = setting(GlciSettings.OCI_PATH);
        String label = setting(GlciSettings.VERSION_LABEL);
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
