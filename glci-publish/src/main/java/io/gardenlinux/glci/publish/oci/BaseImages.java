package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.build.BaseImage;
import io.gardenlinux.glci.publish.store.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The build base images ({@link BaseImage}) in the registry: which of them are still to be built for a version
 * label, and the extra {@code latest} tag once they are. The {@code build-baseimage} Task builds only the missing
 * ones with kaniko, so nothing that exists is built again.
 */
public final class BaseImages {

    private final OciRegistries registries;
    private final Reporter reporter;

    public BaseImages(OciRegistries registries, Reporter reporter) {
        this.registries = registries;
        this.reporter = reporter;
    }

    /** The base images without a manifest under {@code <ociPath>/gardenlinux-<name>:<versionLabel>}, in build order. */
    public List<BaseImage> missing(String ociPath, String versionLabel) {
        List<BaseImage> missing = new ArrayList<>();
        for (BaseImage image : BaseImage.values()) {
            ImageReference reference = reference(image, ociPath, versionLabel);
            if (registries.repository(reference).head(versionLabel).isPresent()) {
                reporter.info("skipping build of image, reference image_ref='" + reference + "' - already exists");
            } else {
                reporter.info("to build: " + reference);
                missing.add(image);
            }
        }
        return missing;
    }

    /**
     * Tags each {@code <ociPath>/gardenlinux-<name>:<versionLabel>} also as {@code latest} (the same manifest, so
     * the same digest). When any of them does not exist, nothing is tagged and the failure names every missing one.
     */
    public void tagLatest(String ociPath, String versionLabel) {
        Map<BaseImage, RepositoryClient.StoredManifest> manifests = new EnumMap<>(BaseImage.class);
        List<ImageReference> missing = new ArrayList<>();
        for (BaseImage image : BaseImage.values()) {
            ImageReference reference = reference(image, ociPath, versionLabel);
            registries.repository(reference).manifest(versionLabel).ifPresentOrElse(
                    manifest -> manifests.put(image, manifest), () -> missing.add(reference));
        }
        if (!missing.isEmpty()) {
            throw new GlciException("base image" + (missing.size() > 1 ? "s " : " ")
                    + missing.stream().map(ImageReference::toString).collect(Collectors.joining(", "))
                    + (missing.size() > 1 ? " do" : " does") + " not exist; the build-baseimage step must build "
                    + "them before they are tagged " + BaseImage.LATEST_TAG + " (nothing was tagged)");
        }
        manifests.forEach((image, manifest) -> {
            ImageReference reference = reference(image, ociPath, versionLabel);
            RepositoryClient repository = registries.repository(reference);
            Optional<RepositoryClient.ManifestHead> latest = repository.head(BaseImage.LATEST_TAG);
            if (latest.isPresent() && latest.get().digest().equals(manifest.digest())) {
                reporter.info(reference.withTag(BaseImage.LATEST_TAG) + " is already " + manifest.digest());
                return;
            }
            repository.putManifest(BaseImage.LATEST_TAG, manifest.mediaType(), manifest.content(), Optional.empty());
            reporter.info("tagged " + reference + " as " + BaseImage.LATEST_TAG + " (" + manifest.digest() + ")");
        });
    }

    /**
     * Writes the names of {@code images}, one per line (an empty file when there are none), replacing
     * {@code file} atomically.
     */
    public static void writeNames(List<BaseImage> images, Path file) {
        String content = images.stream().map(image -> image.wireValue() + "\n").collect(Collectors.joining());
        AtomicFiles.write(file, content, "the base images to build");
    }

    private static ImageReference reference(BaseImage image, String ociPath, String versionLabel) {
        try {
            return ImageReference.parse(image.reference(ociPath, versionLabel));
        } catch (GlciException e) {
            throw new GlciException("OCI path '" + ociPath + "' and version label '" + versionLabel
                    + "' give no valid base image reference: " + e.getMessage(), e);
        }
    }
}
