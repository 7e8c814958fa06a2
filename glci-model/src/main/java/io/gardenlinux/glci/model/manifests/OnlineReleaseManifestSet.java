package io.gardenlinux.glci.model.manifests;

import java.util.Objects;

/**
 * A manifest set together with where it is stored.
 *
 * @param set the set
 * @param s3Key its key, e.g. {@code meta/sets/snapshot/318-c03ea4-all}
 * @param s3Bucket its bucket
 */
public record OnlineReleaseManifestSet(ReleaseManifestSet set, String s3Key, String s3Bucket) {

    public OnlineReleaseManifestSet {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(s3Key, "s3Key");
        Objects.requireNonNull(s3Bucket, "s3Bucket");
    }
}
