package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.build.PublishingAction;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.manifests.OnlineReleaseManifest;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The build task's steps around the image build, as the original runs them: {@code prebuild} decides whether the
 * build is needed, {@code upload-results} stores what the build made.
 */
public final class BuildSteps {

    /** What the original writes into the skip marker. */
    public static final String SKIP_MARKER_CONTENT = "skip build (already done)";

    private final BuildResultStore store;
    private final FeatureGraph features;

    public BuildSteps(BuildResultStore store, FeatureGraph features) {
        this.store = Objects.requireNonNull(store, "store");
        this.features = Objects.requireNonNull(features, "features");
    }

    /** What {@code prebuild} found. */
    public enum PrebuildOutcome {
        /** {@code build_only}: nothing looked up. */
        BUILD_ONLY,
        /** A manifest of exactly this build is stored: the skip marker was written. */
        FOUND,
        /** No manifest under the key: build. */
        ABSENT,
        /** A manifest of another build is stored under the key (warned): build. */
        MISMATCH
    }

    /**
     * Looks up the single manifest of {@code build}. Found: writes {@code skipMarker}. A 404 means absent; any other
     * failure (a missing bucket, refused credentials, a manifest that is not YAML) is a {@code GlciException}.
     */
    public PrebuildOutcome prebuild(ReleaseIdentifier build, PublishingActions actions, Path skipMarker) {
        Reporter reporter = store.reporter();
        if (actions.contains(PublishingAction.BUILD_ONLY)) {
            reporter.info(PublishingAction.BUILD_ONLY.wireValue() + " specified - exiting now");
            return PrebuildOutcome.BUILD_ONLY;
        }
        String key = build.manifestKey(features);
        Optional<OnlineReleaseManifest> stored = store.manifest(key);
        PrebuildOutcome outcome = stored.isEmpty() ? PrebuildOutcome.ABSENT
                : isOf(build, key, stored.get()) ? PrebuildOutcome.FOUND : PrebuildOutcome.MISMATCH;
        if (outcome == PrebuildOutcome.FOUND) {
            AtomicFiles.write(skipMarker, SKIP_MARKER_CONTENT);
            reporter.info("build already done - telling next step to skip (" + skipMarker + " touched)");
        } else {
            reporter.info("no matching build results found - will perform build");
        }
        return outcome;
    }

    /**
     * The stored manifest of exactly {@code build}; a manifest of another build under its key is warned about and
     * counts as absent (the original's {@code find_release}).
     */
    public Optional<OnlineReleaseManifest> find(ReleaseIdentifier build) {
        String key = build.manifestKey(features);
        return store.manifest(key).filter(stored -> isOf(build, key, stored));
    }

    private boolean isOf(ReleaseIdentifier build, String key, OnlineReleaseManifest stored) {
        if (stored.manifest().identifier().sameBuildAs(build, features)) {
            return true;
        }
        store.reporter().warn("release_manifest_key=" + key + " contained unexpected contents: expected "
                + build + ", found " + stored.manifest().identifier() + "; counting it as absent");
        return false;
    }

    /**
     * {@code upload-results}: nothing with {@code build_only} or when {@code skipMarker} exists, else uploads
     * {@code resultFile} as the build's result. Empty when nothing was uploaded.
     */
    public Optional<UploadReport> uploadResults(ReleaseIdentifier build, PublishingActions actions, Path skipMarker,
            Path resultFile, ResultUploader uploader) {
        Reporter reporter = store.reporter();
        if (actions.contains(PublishingAction.BUILD_ONLY)) {
            reporter.info(PublishingAction.BUILD_ONLY.wireValue() + " specified - exiting now");
            return Optional.empty();
        }
        if (Files.exists(skipMarker)) {
            reporter.info(skipMarker + " found - skipping upload");
            return Optional.empty();
        }
        return Optional.of(uploader.upload(resultFile, build, build.manifestKey(features)));
    }
}
