package io.gardenlinux.glci.model.manifests;

import io.gardenlinux.glci.model.PythonStrings;

import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.flavours.Flavour;

/**
 * The keys of the build-result store, exactly as the original CI computes them, so that a bucket written by one is
 * read by the other:
 *
 * <pre>
 * objects/&lt;sha1 of content&gt;                                  content-addressed build artefacts
 * meta/singles/&lt;canonical name&gt;-&lt;version&gt;-&lt;commit[:6]&gt;       one release manifest per flavour build
 * meta/sets/&lt;build type&gt;/&lt;set name&gt;                          manifest sets
 * </pre>
 */
public final class ManifestKeys {

    public static final String OBJECTS_PREFIX = "objects";
    public static final String SINGLES_PREFIX = "meta/singles";
    public static final String SETS_PREFIX = "meta/sets";

    private ManifestKeys() {
    }

    /** The first six characters of a commit, as used in keys and names. */
    public static String commit6(String committish) {
        return committish.length() <= 6 ? committish : committish.substring(0, 6);
    }

    /**
     * The release manifest key suffix {@code <canonical name>-<version>-<commit[:6]>}, e.g.
     * {@code aws-cloud-gardener-_prod-318.9-c03ea4}. The AMI, Alicloud, GCP and OCI names derive from it.
     */
    public static String singleKeySuffix(Flavour flavour, String version, String committish) {
        return flavour.canonicalName() + "-" + version + "-" + commit6(committish);
    }

    /** {@code meta/singles/<suffix>}. */
    public static String singleKey(Flavour flavour, String version, String committish) {
        return SINGLES_PREFIX + "/" + singleKeySuffix(flavour, version, committish);
    }

    /**
     * The name of a manifest set: {@code <epoch>-<commit[:6]>-<flavour set>} for snapshot and daily builds (e.g.
     * {@code 318-c03ea4-all}), {@code <version>-<flavour set>} for releases (e.g. {@code 318.9-all}).
     */
    public static String setName(BuildType buildType, int epoch, String committish, String version,
            String flavourSetName) {
        return switch (buildType) {
            case SNAPSHOT, DAILY -> epoch + "-" + commit6(committish) + "-" + flavourSetName;
            case RELEASE -> version + "-" + flavourSetName;
        };
    }

    /** {@code meta/sets/<build type>/<set name>}. */
    public static String setKey(BuildType buildType, String setName) {
        return SETS_PREFIX + "/" + buildType.wireValue() + "/" + setName;
    }

    /** {@code objects/<sha1 hex of the content>}. */
    public static String objectKey(String sha1Hex) {
        return OBJECTS_PREFIX + "/" + sha1Hex;
    }

    /** The "upload version" in release file names: {@code <epoch>-<commit[:6]>}. */
    public static String uploadVersion(int epoch, String committish) {
        return epoch + "-" + commit6(committish);
    }

    /**
     * The name of a release file: the upload version, then the file's path inside the result tarball without
     * leading {@code .} and {@code /}, e.g. {@code 318-c03ea4-20210212/amd64/bullseye/rootfs.raw}.
     */
    public static String releaseFileName(int epoch, String committish, String pathInTarball) {
        return uploadVersion(epoch, committish) + "-" + PythonStrings.lstrip(pathInTarball, "./");
    }
}
