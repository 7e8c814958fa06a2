package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.flavours.FlavoursFile;
import io.gardenlinux.glci.publish.store.Promotion;
import java.io.File;
import java.time.Clock;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Checks that every flavour of the flavour set was built and stored, then writes the manifest set
 * {@code meta/sets/<build type>/<name>} and its key into {@code glci.resultPath} (the Tekton result).
 */
@Mojo(name = "finalise-promotion", requiresProject = false, threadSafe = true)
public class FinalisePromotionMojo extends AbstractStoreMojo {

    /** The flavour set of {@code flavours.yaml}; falls back to {@code FLAVOUR_SET}. */
    @Parameter(property = "glci.flavourSet")
    protected String flavourSet;

    /** The full commit that was built. */
    @Parameter(property = "glci.committish")
    protected String committish;

    /** The target version; falls back to {@code VERSION}. */
    @Parameter(property = "glci.version")
    protected String version;

    /** The Garden Linux epoch. */
    @Parameter(property = "glci.epoch")
    protected String epoch;

    /** The publishing actions; falls back to {@code PUBLISHING_ACTIONS}, default build_only. */
    @Parameter(property = "glci.publishingActions")
    protected String publishingActions;

    /** snapshot, daily or release; falls back to {@code PROMOTE_TARGET}. */
    @Parameter(property = "glci.buildType")
    protected String buildType;

    /** The file to write the manifest set's key to (the Tekton result {@code manifest_set_key_result}). */
    @Parameter(property = "glci.resultPath")
    protected File resultPath;

    @Override
    protected void run() {
        var actions = publishingActions(publishingActions);
        FeatureGraph features = features();
        var set = FlavoursFile.read(repoRoot().resolve("flavours.yaml"), features)
                .flavourSet(parameter(flavourSet, "FLAVOUR_SET", "all"));
        var request = new Promotion.Request(set, required(committish, "glci.committish", null),
                required(version, "glci.version", "VERSION"), integer(required(epoch, "glci.epoch", null),
                        "glci.epoch"),
                BuildType.fromWireValue(parameter(buildType, "PROMOTE_TARGET", BuildType.SNAPSHOT.wireValue())),
                actions);
        CicdConfig config = cicdConfig();
        try (S3Client s3 = buildClient(config)) {
            new Promotion(store(config, s3), features, Clock.systemUTC())
                    .finalise(request, Optional.ofNullable(resultPath).map(File::toPath));
        }
    }
}
