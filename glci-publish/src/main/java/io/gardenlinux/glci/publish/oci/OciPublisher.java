package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.manifests.ImageNames;
import io.gardenlinux.glci.model.manifests.ManifestYaml;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.OciPublishedImage;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import io.gardenlinux.glci.model.manifests.ReleaseManifest;
import io.gardenlinux.glci.model.manifests.S3ReleaseFile;
import io.gardenlinux.glci.publish.store.AtomicFiles;
import io.gardenlinux.glci.publish.store.BuildResultStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Publishes the {@code oci} platform: a flavour's {@code rootfs.tar.xz} becomes a one-layer OCI image (gzip layer,
 * image config for the flavour's architecture) under {@code <image_prefix>:<oci tag>-<architecture>}, and the
 * release's multi-architecture index under {@code <image_prefix>:<oci tag>} lists it (the tag rule of the original:
 * {@code <version>-<manifest key suffix>} with {@code _} as {@code -}). The manifest records the index reference.
 *
 * <p>Publishing a release again sends nothing twice: an image whose manifest names the same rootfs (annotation
 * {@value OciImage#SOURCE_ANNOTATION}) and whose blobs are all there is left as it is, and a blob the registry has
 * is never uploaded.
 */
public final class OciPublisher {

    /** The platform this publisher publishes. */
    public static final String PLATFORM = "oci";
    /** The release file the image is made from. */
    public static final String ROOTFS = "rootfs.tar.xz";
    private static final String CREATED_BY = "glci publish-oci: gzip layer of rootfs.tar.xz";

    /**
     * What to publish.
     *
     * @param imagePrefix the repository, {@code publish.oci.image_prefix} of {@code cicd.yaml}
     * @param version the release version
     * @param keySuffix the release manifest key suffix
     * @param architecture the flavour's architecture
     * @param rootfs the flavour's {@code rootfs.tar.xz}
     */
    public record Request(String imagePrefix, String version, String keySuffix, Architecture architecture,
            RootfsSource rootfs) {
        public Request {
            Objects.requireNonNull(imagePrefix, "imagePrefix");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(keySuffix, "keySuffix");
            Objects.requireNonNull(architecture, "architecture");
            Objects.requireNonNull(rootfs, "rootfs");
        }
    }

    /**
     * What was published.
     *
     * @param reference the release's index, {@code <image_prefix>:<oci tag>}: what the manifest records
     * @param image this architecture's image, {@code <image_prefix>:<oci tag>-<architecture>}
     * @param imageDigest the image manifest's digest
     * @param blobsUploaded how many blobs were sent (0 when everything was there)
     * @param alreadyPublished whether the image was there from an earlier publication of the same rootfs
     * @param index the index update
     */
    public record Publication(ImageReference reference, ImageReference image, String imageDigest, int blobsUploaded,
            boolean alreadyPublished, MultiArchitectureIndex.Update index) {
    }

    private final OciRegistries registries;
    private final Path workDir;
    private final Reporter reporter;

    /** A publisher that makes its temporary layer files in {@code workDir}. */
    public OciPublisher(OciRegistries registries, Path workDir, Reporter reporter) {
        this.registries = registries;
        this.workDir = workDir;
        this.reporter = reporter;
    }

    /**
     * Publishes the release of {@code manifest} (platform {@code oci}) and returns the manifest with its
     * published-image metadata set to the index reference.
     */
    public ReleaseManifest publish(ReleaseManifest manifest, FeatureGraph features, String imagePrefix,
            RootfsSource rootfs) {
        ReleaseIdentifier id = manifest.identifier();
        if (!id.platform().equals(PLATFORM)) {
            throw new GlciException("release " + id.architecture() + "/" + id.platform() + " " + id.version()
                    + " is of platform '" + id.platform() + "'; only the '" + PLATFORM
                    + "' platform is published to an OCI registry");
        }
        Publication publication = publish(new Request(imagePrefix, id.version(), id.manifestKeySuffix(features),
                id.architecture(), rootfs));
        return manifest.withPublishedImageMetadata(new OciPublishedImage(publication.reference().toString(),
                Map.of()));
    }

    /**
     * Publishes the release of the manifest in {@code manifestFile} (YAML, as stored under {@code meta/singles})
     * and writes the manifest with its published-image metadata to {@code output} (which may be the same file),
     * replacing it whole. Returns the updated manifest.
     */
    public ReleaseManifest publishManifestFile(Path manifestFile, Path output, FeatureGraph features,
            String imagePrefix, RootfsSource rootfs) {
        byte[] yaml;
        try {
            yaml = Files.readAllBytes(manifestFile);
        } catch (IOException e) {
            throw new GlciException("release manifest " + manifestFile + ": cannot read: " + e.getMessage(), e);
        }
        ReleaseManifest published = publish(ManifestYaml.readManifest(yaml, manifestFile.toString()), features,
                imagePrefix, rootfs);
        AtomicFiles.write(output, ManifestYaml.write(published), "the published release manifest");
        reporter.info("wrote " + output + " (published_image_metadata.image_reference: "
                + ((OciPublishedImage) published.publishedImageMetadata()).imageReference() + ")");
        return published;
    }

    /**
     * Publishes the release whose manifest is stored at {@code manifestKey} in {@code store}, reading its
     * {@code rootfs.tar.xz} from S3 as a stream, and stores the manifest again with its published-image metadata.
     */
    public ReleaseManifest publishStoredManifest(BuildResultStore store, String manifestKey,
            FeatureGraph features, String imagePrefix) {
        ReleaseManifest manifest = store.manifest(manifestKey)
                .orElseThrow(() -> new GlciException("there is no release manifest " + manifestKey + " in bucket "
                        + store.bucket()))
                .manifest();
        S3ReleaseFile rootfs;
        try {
            rootfs = manifest.pathBySuffix(ROOTFS);
        } catch (IllegalArgumentException e) {
            throw new GlciException("release manifest " + manifestKey + ": " + e.getMessage(), e);
        }
        ReleaseManifest published = publish(manifest, features, imagePrefix, new S3RootfsSource(store.client(), rootfs));
        store.putManifest(manifestKey, ManifestYaml.write(published));
        reporter.info("updated " + manifestKey + " (published_image_metadata.image_reference: "
                + ((OciPublishedImage) published.publishedImageMetadata()).imageReference() + ")");
        return published;
    }

    /** Pushes the image and updates the release's index. */
    public Publication publish(Request request) {
        ImageReference prefix = ImageReference.parse(request.imagePrefix());
        if (prefix.tag() != null || prefix.digest() != null) {
            throw new GlciException("publish.oci.image_prefix '" + request.imagePrefix()
                    + "' must name a repository without tag or digest; glci adds the tag <version>-<release>");
        }
        String tag = ImageNames.ociTag(request.version(), request.keySuffix());
        String imageTag = ImageNames.ociArchitectureTag(request.version(), request.keySuffix(),
                request.architecture());
        ImageReference image = prefix.withTag(imageTag);
        RepositoryClient repository = registries.repository(prefix);

        Optional<String> existing = publishedBefore(repository, imageTag, request.rootfs(), reporter);
        String imageDigest;
        int uploaded = 0;
        if (existing.isPresent()) {
            imageDigest = existing.get();
            reporter.info(image + " already holds rootfs " + request.rootfs().identity() + "; nothing to upload");
        } else {
            RootfsLayer layer = RootfsLayer.build(request.rootfs(), workDir, reporter);
            try {
                reporter.info("pushing " + image + ": layer " + layer.digest() + " (" + layer.size() + " bytes)");
                if (repository.pushBlob(layer.digest(), layer.size(), layer::open)) {
                    uploaded++;
                }
                byte[] config = OciImage.config(request.architecture(), layer.diffId(), Optional.empty(), CREATED_BY);
                String configDigest = Digests.sha256(config);
                if (repository.pushBlob(configDigest, config.length, () -> new ByteArrayInputStream(config))) {
                    uploaded++;
                }
                Map<String, String> annotations = new LinkedHashMap<>();
                annotations.put(OciImage.VERSION_ANNOTATION, request.version());
                annotations.put(OciImage.SOURCE_ANNOTATION, request.rootfs().identity());
                byte[] manifest = OciImage.manifest(
                        new OciImage.Descriptor(OciImage.CONFIG_MEDIA_TYPE, configDigest, config.length),
                        new OciImage.Descriptor(OciImage.LAYER_MEDIA_TYPE, layer.digest(), layer.size()),
                        annotations);
                imageDigest = repository.putManifest(imageTag, RepositoryClient.OCI_MANIFEST, manifest,
                        Optional.empty());
            } finally {
                layer.delete();
            }
            reporter.info("pushed " + image + "@" + imageDigest + " (" + uploaded + " blobs uploaded)");
        }
        MultiArchitectureIndex.Update index = new MultiArchitectureIndex(reporter).update(repository, tag);
        return new Publication(prefix.withTag(tag), image, imageDigest, uploaded, existing.isPresent(), index);
    }

    /** The digest of the image under {@code imageTag} when it was made from the same rootfs and is complete. */
    private static Optional<String> publishedBefore(RepositoryClient repository, String imageTag,
            RootfsSource rootfs, Reporter reporter) {
        Optional<RepositoryClient.StoredManifest> stored = repository.manifest(imageTag);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        JsonNode manifest = OciImage.JSON.readTree(stored.get().content());
        String source = manifest.path("annotations").path(OciImage.SOURCE_ANNOTATION).asString("");
        if (!source.equals(rootfs.identity())) {
            reporter.warn(repository.repository().withTag(imageTag) + " holds an image of another rootfs ("
                    + (source.isEmpty() ? "not made by glci" : source) + "); it is replaced by one of "
                    + rootfs.identity());
            return Optional.empty();
        }
        boolean complete = hasBlob(repository, manifest.path("config").path("digest").asString(""));
        for (JsonNode layer : manifest.path("layers")) {
            complete &= hasBlob(repository, layer.path("digest").asString(""));
        }
        return complete ? Optional.of(stored.get().digest()) : Optional.empty();
    }

    private static boolean hasBlob(RepositoryClient repository, String digest) {
        return digest.startsWith(Digests.SHA256_PREFIX) && repository.hasBlob(digest);
    }
}
