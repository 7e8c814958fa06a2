package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.store.BuildSteps;
import io.gardenlinux.glci.publish.store.ResultUploader;
import io.gardenlinux.glci.publish.store.StoreAccess;
import io.gardenlinux.glci.publish.store.UploadTuning;
import java.io.File;
import java.time.Clock;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stores the build result tarball: every regular file as {@code objects/<sha1>} (skipping those already stored),
 * then the single manifest {@code meta/singles/<key>}. Does nothing with {@code build_only} or the skip marker.
 */
@Mojo(name = "upload-results", requiresProject = false, threadSafe = true)
public class UploadResultsMojo extends AbstractBuildStepMojo {

    /** The build result tarball the image build wrote. */
    @Parameter(property = "glci.resultFile", defaultValue = "/workspace/gardenlinux.out")
    protected File resultFile;

    /** The size of a multipart part in MiB (5 to 1024, default 16); files of twice that size and more go in parts. */
    @Parameter(property = "glci.partSizeMiB")
    protected String partSizeMiB;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.PART_SIZE_MIB, partSizeMiB);
    }

    @Override
    protected void run() {
        UploadTuning tuning = UploadTuning.from(settings());
        try (StoreAccess stores = stores()) {
            var store = stores.buildResults();
            new BuildSteps(store, features()).uploadResults(identifier(), setting(GlciSettings.PUBLISHING_ACTIONS),
                    skipMarker.toPath(), resultFile.toPath(),
                    new ResultUploader(store, tuning, Clock.systemDefaultZone()));
        }
    }
}
