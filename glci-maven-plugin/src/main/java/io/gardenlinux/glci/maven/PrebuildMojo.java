package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.publish.store.BuildSteps;
import org.apache.maven.plugins.annotations.Mojo;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Looks up the build result of this flavour, commit and version in the build-result store; when it is there, writes
 * the skip marker so that the build and upload steps do nothing. Absent (404) means build; any other failure fails.
 */
@Mojo(name = "prebuild", requiresProject = false, threadSafe = true)
public class PrebuildMojo extends AbstractBuildStepMojo {

    @Override
    protected void run() {
        var actions = publishingActions(publishingActions);
        CicdConfig config = cicdConfig();
        try (S3Client s3 = buildClient(config)) {
            new BuildSteps(store(config, s3), features()).prebuild(identifier(), actions, skipMarker.toPath());
        }
    }
}
