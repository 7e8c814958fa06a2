package io.gardenlinux.glci.model.manifests;

import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.flavours.Flavour;
import java.util.List;
import java.util.Objects;

/**
 * What identifies a flavour build: the commit, the target version and epoch, and the flavour.
 *
 * @param buildCommittish the full commit the build was made from
 * @param version the target release version, e.g. {@code 318.9}
 * @param gardenlinuxEpoch the Garden Linux epoch of the build
 * @param architecture the flavour's architecture
 * @param platform the flavour's platform
 * @param modifiers the flavour's modifiers as recorded (normalised, in ASCII order when glci writes them)
 */
public record ReleaseIdentifier(String buildCommittish, String version, int gardenlinuxEpoch,
        Architecture architecture, String platform, List<String> modifiers) {

    public ReleaseIdentifier {
        Objects.requireNonNull(buildCommittish, "buildCommittish");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(platform, "platform");
        modifiers = List.copyOf(modifiers);
    }

    /** The identifier of a build of {@code flavour}; the modifiers are recorded in ASCII order, as the original does. */
    public static ReleaseIdentifier of(Flavour flavour, String committish, String version, int epoch) {
        return new ReleaseIdentifier(committish, version, epoch, flavour.architecture(), flavour.platform(),
                flavour.modifiersInAsciiOrder());
    }

    /** The flavour this build is of. */
    public Flavour flavour(FeatureGraph features) {
        return Flavour.of(features, architecture, platform, modifiers);
    }

    /** The release manifest key suffix, {@code <canonical name>-<version>-<commit[:6]>}. */
    public String manifestKeySuffix(FeatureGraph features) {
        return ManifestKeys.singleKeySuffix(flavour(features), version, buildCommittish);
    }

    /** The release manifest key, {@code meta/singles/<suffix>}. */
    public String manifestKey(FeatureGraph features) {
        return ManifestKeys.SINGLES_PREFIX + "/" + manifestKeySuffix(features);
    }

    /**
     * Whether this and {@code other} identify the same build: the full commit, version, epoch, architecture,
     * platform and the normalised modifiers are equal (the original's "already built" check).
     */
    public boolean sameBuildAs(ReleaseIdentifier other, FeatureGraph features) {
        return buildCommittish.equals(other.buildCommittish)
                && version.equals(other.version)
                && gardenlinuxEpoch == other.gardenlinuxEpoch
                && architecture == other.architecture
                && platform.equals(other.platform)
                && features.normalisedModifiers(platform, modifiers)
                        .equals(features.normalisedModifiers(other.platform, other.modifiers));
    }
}
