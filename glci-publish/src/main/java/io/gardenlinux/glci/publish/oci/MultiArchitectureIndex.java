package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.flavours.Architecture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The multi-architecture index of a release: the tag {@code T} holds an OCI image index whose entries are the
 * images under the per-architecture tags {@code T-amd64} and {@code T-arm64}.
 *
 * <p>Publishers of different architectures update the index at the same time. The per-architecture tags are the
 * truth, the index is derived from them: an update reads the tags and the index, writes the index it should be
 * (conditionally, {@code If-Match} the digest it read), and then reads both again until the index it finds is
 * the one the tags call for. Whoever writes last therefore sees every tag pushed before its check, and a publisher
 * whose tag came later makes its own write after that; no entry is lost even on a registry that ignores
 * {@code If-Match} (as the CNCF distribution registry does). Entries for other architectures that have no tag here
 * are kept as they are.
 */
public final class MultiArchitectureIndex {

    private static final int ATTEMPTS = 12;
    private static final Duration BACKOFF = Duration.ofMillis(200);

    /**
     * What an update found or made.
     *
     * @param reference the index, {@code <repository>:<tag>}
     * @param digest the index's digest
     * @param architectures the architectures with an entry made from their tag
     * @param written whether this update wrote the index (false when it was already as it should be)
     */
    public record Update(ImageReference reference, String digest, List<Architecture> architectures, boolean written) {
        public Update {
            architectures = List.copyOf(architectures);
        }
    }

    private final Reporter reporter;

    public MultiArchitectureIndex(Reporter reporter) {
        this.reporter = reporter;
    }

    /** The tag of an architecture's image below the index tag, {@code <tag>-<architecture>}. */
    public static String architectureTag(String indexTag, Architecture architecture) {
        return indexTag + "-" + architecture.wireValue();
    }

    /** Makes the index under {@code indexTag} list the images of every {@code <indexTag>-<architecture>} tag. */
    public Update update(RepositoryClient repository, String indexTag) {
        ImageReference reference = repository.repository().withTag(indexTag);
        boolean written = false;
        boolean verifying = false;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<Architecture, RepositoryClient.ManifestHead> images = images(repository, indexTag);
            if (images.isEmpty()) {
                throw new GlciException("index " + reference + ": there is no image under any of the tags "
                        + Arrays.stream(Architecture.values()).map(a -> architectureTag(indexTag, a)).toList());
            }
            Optional<RepositoryClient.StoredManifest> current = repository.manifest(indexTag);
            byte[] desired = desired(reference, images, current);
            if (current.isPresent() && Arrays.equals(current.get().content(), desired)) {
                return new Update(reference, current.get().digest(), List.copyOf(images.keySet()), written);
            }
            if (verifying) {
                verifying = false;
                // someone else wrote in between: step aside a little so that two publishers do not keep colliding
                long pause = BACKOFF.toMillis() * attempt + ThreadLocalRandom.current().nextLong(BACKOFF.toMillis());
                reporter.info("index " + reference + " was changed by another publisher; merging again in "
                        + pause + " ms");
                sleep(pause);
                continue;
            }
            try {
                repository.putManifest(indexTag, RepositoryClient.OCI_INDEX, desired,
                        current.map(RepositoryClient.StoredManifest::digest));
                written = true;
                verifying = true;
                reporter.info("index " + reference + ": " + images.keySet());
            } catch (RepositoryClient.ManifestChangedException e) {
                reporter.info(e.getMessage() + "; merging again");
            }
        }
        throw new GlciException("index " + reference + " did not settle after " + ATTEMPTS
                + " attempts: other publishers keep changing it; run the publication again");
    }

    private static Map<Architecture, RepositoryClient.ManifestHead> images(RepositoryClient repository,
            String indexTag) {
        Map<Architecture, RepositoryClient.ManifestHead> images = new EnumMap<>(Architecture.class);
        for (Architecture architecture : Architecture.values()) {
            String tag = architectureTag(indexTag, architecture);
            repository.head(tag).map(head -> head.size() >= 0 ? head
                    : new RepositoryClient.ManifestHead(head.digest(), head.mediaType(),
                            repository.manifest(head.digest()).orElseThrow().content().length))
                    .ifPresent(head -> images.put(architecture, head));
        }
        return images;
    }

    private byte[] desired(ImageReference reference, Map<Architecture, RepositoryClient.ManifestHead> images,
            Optional<RepositoryClient.StoredManifest> current) {
        ObjectNode index = OciImage.JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", RepositoryClient.OCI_INDEX);
        ArrayNode manifests = index.putArray("manifests");
        images.forEach((architecture, head) -> {
            ObjectNode entry = new OciImage.Descriptor(head.mediaType(), head.digest(), head.size()).toJson();
            entry.set("platform", OciImage.platform(architecture));
            manifests.add(entry);
        });
        for (JsonNode kept : otherEntries(reference, images, current)) {
            manifests.add(kept);
        }
        return OciImage.JSON.writeValueAsBytes(index);
    }

    private List<JsonNode> otherEntries(ImageReference reference,
            Map<Architecture, RepositoryClient.ManifestHead> images, Optional<RepositoryClient.StoredManifest> current) {
        List<JsonNode> kept = new ArrayList<>();
        if (current.isEmpty()) {
            return kept;
        }
        String mediaType = current.get().mediaType();
        if (!mediaType.equals(RepositoryClient.OCI_INDEX) && !mediaType.equals(RepositoryClient.DOCKER_MANIFEST_LIST)) {
            reporter.warn("index " + reference + ": the tag held a single image (" + mediaType
                    + "); it is replaced by the multi-architecture index");
            return kept;
        }
        JsonNode entries = OciImage.JSON.readTree(current.get().content()).path("manifests");
        for (JsonNode entry : entries) {
            String architecture = entry.path("platform").path("architecture").asString("");
            boolean ours = Architecture.find(architecture).map(images::containsKey).orElse(false);
            if (!ours) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GlciException("interrupted while updating an index", e);
        }
    }
}
