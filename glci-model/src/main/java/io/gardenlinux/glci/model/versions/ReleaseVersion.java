package io.gardenlinux.glci.model.versions;

/**
 * A Garden Linux release version {@code <epoch>.<patch>}, e.g. {@code 318.9}.
 *
 * @param epoch the Garden Linux epoch, at least 1
 * @param patch the patch level, 0 for the first release of an epoch
 */
public record ReleaseVersion(int epoch, int patch) {

    public ReleaseVersion {
        if (epoch < 1 || patch < 0) {
            throw new IllegalArgumentException("not a release version: " + epoch + "." + patch);
        }
    }

    /** Parses {@code <epoch>.<patch>}; anything else is an {@link IllegalArgumentException}. */
    public static ReleaseVersion parse(String version) {
        String[] parts = version.trim().split("\\.", -1);
        if (parts.length == 2) {
            try {
                return new ReleaseVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("version '" + version + "' is not a release version <epoch>.<patch>,"
                + " such as 318.9");
    }

    /** The first release of the epoch ({@code patch == 0}) cuts the release branch; later ones are patch releases. */
    public boolean isFirstOfEpoch() {
        return patch == 0;
    }

    /** The next patch level, e.g. {@code 318.10} after {@code 318.9}. */
    public ReleaseVersion nextPatch() {
        return new ReleaseVersion(epoch, patch + 1);
    }

    /** The release branch of this version's epoch, {@code rel-<epoch>}. */
    public String releaseBranch() {
        return "rel-" + epoch;
    }

    /** Strict semantic version, e.g. {@code 318.9.0} (the Azure Marketplace needs it). */
    public String semver() {
        return epoch + "." + patch + ".0";
    }

    @Override
    public String toString() {
        return epoch + "." + patch;
    }
}
