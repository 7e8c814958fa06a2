package io.gardenlinux.glci.model.build;

import io.gardenlinux.glci.model.WireValue;
import java.util.Optional;

/**
 * The build base images the {@code build-baseimage} Task builds with kaniko from {@code docker/<name>/Dockerfile}, in
 * the order they are built ({@code build-deb} is built from {@code build}). Each is pushed as
 * {@code <oci_path>/gardenlinux-<name>:<version_label>} and also tagged {@code latest}.
 */
public enum BaseImage implements WireValue {
    BUILD("build"),
    BUILD_DEB("build-deb"),
    BUILD_IMAGE("build-image");

    /** The extra tag every base image gets. */
    public static final String LATEST_TAG = "latest";

    private final String wireValue;

    BaseImage(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The name of the image's folder below {@code docker/}, e.g. {@code build-deb}. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The repository name below the OCI path, {@code gardenlinux-<name>}. */
    public String repositoryName() {
        return "gardenlinux-" + wireValue;
    }

    /** The image reference {@code <ociPath>/gardenlinux-<name>:<tag>}; a trailing {@code /} of the path is ignored. */
    public String reference(String ociPath, String tag) {
        String path = ociPath.endsWith("/") ? ociPath.substring(0, ociPath.length() - 1) : ociPath;
        return path + "/" + repositoryName() + ":" + tag;
    }

    public static Optional<BaseImage> find(String wireValue) {
        return WireValue.find(BaseImage.class, wireValue);
    }

    public static String allowed() {
        return WireValue.allowed(BaseImage.class);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
