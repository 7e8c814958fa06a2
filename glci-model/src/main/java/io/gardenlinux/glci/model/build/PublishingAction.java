package io.gardenlinux.glci.model.build;

import io.gardenlinux.glci.model.WireValue;
import java.util.Optional;

/** What a pipeline run does with its builds (the original's {@code publishing_actions}). */
public enum PublishingAction implements WireValue {
    /** Upload the build results and write the release manifests. */
    MANIFESTS("manifests", "man"),
    /** Publish the images to their clouds (with {@code manifests}: also write the manifest set). */
    IMAGES("images", "imgs"),
    /** Cut or update the release branch and bump VERSION. */
    RELEASE("release", "rel"),
    /** Build, but upload nothing and never skip a build that was done before. */
    BUILD_ONLY("build_only", "bo");

    private final String wireValue;
    private final String abbreviation;

    PublishingAction(String wireValue, String abbreviation) {
        this.wireValue = wireValue;
        this.abbreviation = abbreviation;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The abbreviation in PipelineRun names, e.g. {@code man} for manifests. */
    public String abbreviation() {
        return abbreviation;
    }

    public static Optional<PublishingAction> find(String wireValue) {
        return WireValue.find(PublishingAction.class, wireValue);
    }

    public static String allowed() {
        return WireValue.allowed(PublishingAction.class);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
