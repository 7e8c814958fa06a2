package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.publish.oci.BaseImages;
import io.gardenlinux.glci.publish.oci.OciRegistries;
import org.apache.maven.plugins.annotations.Mojo;

/** Tags each {@code <ociPath>/gardenlinux-<name>:<versionLabel>} base image also as {@code latest}. */
@Mojo(name = "tag-base-images", requiresProject = false, threadSafe = true)
public class TagBaseImagesMojo extends AbstractOciMojo {

    @Override
    protected void run() {
        String path = setting(GlciSettings.OCI_PATH);
        String label = setting(GlciSettings.VERSION_LABEL);
        try (OciRegistries registries = registries()) {
            new BaseImages(registries, reporter()).tagLatest(path, label);
        }
    }
}
