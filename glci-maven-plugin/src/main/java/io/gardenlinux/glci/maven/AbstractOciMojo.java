package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.oci.OciRegistries;
import org.apache.maven.plugins.annotations.Parameter;

/** What the base image goals share: the registries ({@link OciAccess}), the registry path and the version label. */
abstract class AbstractOciMojo extends AbstractGlciMojo {

    /** The registry path of the base images (env {@code OCI_PATH}). */
    @Parameter(property = "glci.ociPath")
    protected String ociPath;

    /** The tag of this build's base images, {@code <version>-<committish>}. */
    @Parameter(property = "glci.versionLabel")
    protected String versionLabel;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.OCI_PATH, ociPath).put(GlciSettings.VERSION_LABEL, versionLabel);
    }

    /** The registries; the caller closes them. */
    protected OciRegistries registries() {
        return OciAccess.registries(this);
    }
}
