package io.gardenlinux.glci.model.manifests;

import io.gardenlinux.glci.model.PythonStrings;
import io.gardenlinux.glci.model.flavours.Architecture;

/**
 * The names of published images, derived from the release manifest key suffix
 * ({@link ManifestKeys#singleKeySuffix}) as the original derives them.
 */
public final class ImageNames {

    private static final String PREFIX = "gardenlinux-";

    private ImageNames() {
    }

    /** The AMI name, {@code gardenlinux-<suffix>}. */
    public static String amiName(String keySuffix) {
        return PREFIX + keySuffix;
    }

    /** The Alicloud image name, {@code gardenlinux-<suffix>}. */
    public static String alicloudImageName(String keySuffix) {
        return PREFIX + keySuffix;
    }

    /**
     * The GCP image name: {@code gardenlinux-<suffix>} with {@code .} and {@code _} as {@code -} and leading and
     * trailing {@code -} stripped, e.g. {@code gardenlinux-gcp-cloud-gardener--prod-318-9-c03ea4}.
     */
    public static String gcpImageName(String keySuffix) {
        return PythonStrings.strip((PREFIX + keySuffix).replace('.', '-').replace('_', '-'), "-");
    }

    /** The OCI tag, {@code <version>-<suffix>} with {@code _} as {@code -}, e.g. {@code 318.9-oci-base-318.9-c03ea4}. */
    public static String ociTag(String version, String keySuffix) {
        return (version + "-" + keySuffix).replace('_', '-');
    }

    /**
     * The tag of one architecture's image of a release, {@code <oci tag>-<architecture>}, e.g.
     * {@code 318.9-oci-base-318.9-c03ea4-arm64}; the {@linkplain #ociTag OCI tag} itself holds the index of all
     * architectures.
     */
    public static String ociArchitectureTag(String version, String keySuffix, Architecture architecture) {
        return ociTag(version, keySuffix) + "-" + architecture.wireValue();
    }

    /** The OCI image reference {@code <image prefix>:<tag>}. */
    public static String ociReference(String imagePrefix, String version, String keySuffix) {
        return imagePrefix + ":" + ociTag(version, keySuffix);
    }
}
