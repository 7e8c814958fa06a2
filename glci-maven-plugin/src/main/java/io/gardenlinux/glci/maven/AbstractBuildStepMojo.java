package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the build task's steps: the flavour build's identity, the actions and the skip marker. */
public abstract class AbstractBuildStepMojo extends AbstractFlavourBuildMojo {

    /** The publishing actions, comma-separated; falls back to {@code PUBLISHING_ACTIONS}, default build_only. */
    @Parameter(property = "glci.publishingActions")
    protected String publishingActions;

    /** The file that tells the following steps to skip the build. */
    @Parameter(property = "glci.skipMarker", defaultValue = "/workspace/skip_build")
    protected File skipMarker;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.PUBLISHING_ACTIONS, publishingActions);
    }
}
