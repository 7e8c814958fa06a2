package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.publish.store.BuildSteps;
import io.gardenlinux.glci.publish.store.StoreAccess;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Looks up the build result of this flavour, commit and version in the build-result store; when it is there, writes
 * the skip marker so that the build and upload steps do nothing. Absent (404) means build; any other failure fails.
 */
@Mojo(name = "prebuild", requiresProject = false, threadSafe = true)
public class PrebuildMojo extends AbstractBuildStepMojo {

    @Override
    protected void run() {
        try (StoreAccess stores = stores()) {
            new BuildSteps(stores.buildResults(), features()).prebuild(identifier(),
                    setting(GlciSettings.PUBLISHING_ACTIONS), skipMarker.toPath());
        }
    }
}
