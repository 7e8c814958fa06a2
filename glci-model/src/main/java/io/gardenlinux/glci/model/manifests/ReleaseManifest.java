package io.gardenlinux.glci.model.manifests;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The release manifest of one flavour build, stored at {@code meta/singles/<suffix>}.
 *
 * @param identifier what was built
 * @param buildTimestamp when, as written by {@link BuildTimestamp}
 * @param paths the stored files of the build result
 * @param publishedImageMetadata where the release was published; {@code null} when it was not yet
 * @param otherKeys keys glci does not know, kept when the manifest is written again
 */
public record ReleaseManifest(ReleaseIdentifier identifier, String buildTimestamp, List<S3ReleaseFile> paths,
        PublishedImageMetadata publishedImageMetadata, Map<String, Object> otherKeys) {

    public ReleaseManifest {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(buildTimestamp, "buildTimestamp");
        paths = List.copyOf(paths);
        otherKeys = OtherKeys.copyOf(otherKeys);
    }

    /** A manifest of a new build, not yet published. */
    public ReleaseManifest(ReleaseIdentifier identifier, String buildTimestamp, List<S3ReleaseFile> paths) {
        this(identifier, buildTimestamp, paths, null, Map.of());
    }

    public Optional<PublishedImageMetadata> published() {
        return Optional.ofNullable(publishedImageMetadata);
    }

    /** The first path with that suffix (base name); the original's message when there is none. */
    public S3ReleaseFile pathBySuffix(String suffix) {
        return paths.stream().filter(p -> p.suffix().equals(suffix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no path with suffix='" + suffix + "' in the manifest of "
                        + identifier.architecture() + "/" + identifier.platform() + " " + identifier.version()
                        + "; suffixes: " + paths.stream().map(S3ReleaseFile::suffix).toList()));
    }

    public LocalDateTime buildTime() {
        return BuildTimestamp.parse(buildTimestamp);
    }

    public ReleaseManifest withPublishedImageMetadata(PublishedImageMetadata metadata) {
        return new ReleaseManifest(identifier, buildTimestamp, paths, metadata, otherKeys);
    }
}
