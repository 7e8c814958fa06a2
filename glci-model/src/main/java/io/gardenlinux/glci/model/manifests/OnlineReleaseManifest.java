package io.gardenlinux.glci.model.manifests;

import java.util.Objects;

/**
 * A release manifest together with where it is stored. The original writes {@code s3_key} and {@code s3_bucket}
 * into the YAML of manifest sets.
 *
 * @param manifest the manifest
 * @param s3Key its key, e.g. {@code meta/singles/aws-cloud-gardener-_prod-318.9-c03ea4}
 * @param s3Bucket its bucket
 */
public record OnlineReleaseManifest(ReleaseManifest manifest, String s3Key, String s3Bucket) {

    public OnlineReleaseManifest {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(s3Key, "s3Key");
        Objects.requireNonNull(s3Bucket, "s3Bucket");
    }

    /** The manifest without its location (the original's {@code stripped_manifest()}). */
    public ReleaseManifest stripped() {
        return manifest;
    }
}
