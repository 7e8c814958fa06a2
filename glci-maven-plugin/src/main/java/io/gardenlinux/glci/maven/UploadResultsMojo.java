package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.publish.store.BuildSteps;
import io.gardenlinux.glci.publish.store.ResultUploader;
import io.gardenlinux.glci.publish.store.UploadTuning;
import java.io.File;
import java.time.Clock;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Stores the build result tarball: every regular file as {@code objects/<sha1>} (skipping those already stored),
 * then the single manifest {@code meta/singles/<key>}. Does nothing with {@code build_only} or the skip marker.
 */
@Mojo(name = "upload-results", requiresProject = false, threadSafe = true)
public class UploadResultsMojo extends AbstractBuildStepMojo {

    /** The build result tarball the image build wrote. */
    @Parameter(property = "glci.resultFile", defaultValue = "/workspace/gardenlinux.out")
    protected File resultFile;

    /** The size of a multipart part in MiB (at least 5); files of twice that size and more go in parts. */
    @Parameter(property = "glci.partSizeMiB", defaultValue = "16")
    protected int partSizeMiB;

    @Override
    protected void run() {
        var actions = publishingActions(publishingActions);
        UploadTuning tuning = new UploadTuning(partSizeMiB << 20, (long) partSizeMiB << 21, s3Concurrency);
        CicdConfig config = cicdConfig();
        try (S3Client s3 = buildClient(config)) {
            var store = store(config, s3);
            new BuildSteps(store, features()).uploadResults(identifier(), actions, skipMarker.toPath(),
                    resultFile.toPath(), new ResultUploader(store, tuning, Clock.systemDefaultZone()));
        }
    }
}
