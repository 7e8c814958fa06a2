package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.flavours.FlavoursFile;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.store.Promotion;
import io.gardenlinux.glci.publish.store.StoreAccess;
import java.io.File;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that every flavour of the flavour set was built and stored, then writes the manifest set
 * {@code meta/sets/<build type>/<name>} and its key into {@code glci.resultPath} (the Tekton result).
 */
@Mojo(name = "finalise-promotion", requiresProject = false, threadSafe = true)
public class FinalisePromotionMojo extends AbstractStoreMojo {

    /** The flavour set of {@code flavours.yaml}; falls back to {@code FLAVOUR_SET}, default {@code all}. */
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

    /** snapshot, daily or release; falls back to {@code PROMOTE_TARGET}, default snapshot. */
    @Parameter(property = "glci.buildType")
    protected String buildType;

    /** The file to write the manifest set's key to (the Tekton result {@code manifest_set_key_result}). */
    @Parameter(property = "glci.resultPath")
    protected File resultPath;

    @Override
    protected void given(SettingValues.Builder given) {
        super.given(given);
        given.put(GlciSettings.FLAVOUR_SET, flavourSet)
                .put(GlciSettings.COMMITTISH, committish)
                .put(GlciSettings.VERSION, version)
                .put(GlciSettings.EPOCH, epoch)
                .put(GlciSettings.PUBLISHING_ACTIONS, publishingActions)
                .put(GlciSettings.BUILD_TYPE, buildType);
    }

    @Override
    protected void run() {
        FeatureGraph features = features();
        var set = FlavoursFile.read(repoRoot().resolve("flavours.yaml"), features)
                .flavourSet(setting(GlciSettings.FLAVOUR_SET));
        var request = new Promotion.Request(set, setting(GlciSettings.COMMITTISH),
                setting(GlciSettings.VERSION).resolved(LocalDate.now(ZoneOffset.UTC)),
                setting(GlciSettings.EPOCH), setting(GlciSettings.BUILD_TYPE),
                setting(GlciSettings.PUBLISHING_ACTIONS));
        try (StoreAccess stores = stores()) {
            new Promotion(stores.buildResults(), features, Clock.systemUTC())
                    .finalise(request, Optional.ofNullable(resultPath).map(File::toPath));
        }
    }
}
