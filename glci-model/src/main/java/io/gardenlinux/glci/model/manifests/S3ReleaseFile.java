package io.gardenlinux.glci.model.manifests;

import java.util.Map;
import java.util.Objects;

/**
 * A file of a build result stored in the build-result bucket.
 *
 * @param name {@code <epoch>-<commit[:6]>-<path in the result tarball>}
 * @param suffix the file's base name, e.g. {@code rootfs.raw}
 * @param s3Key {@code objects/<sha1 of the content>}
 * @param s3BucketName the bucket
 * @param otherKeys keys glci does not know, kept when the manifest is written again
 */
public record S3ReleaseFile(String name, String suffix, String s3Key, String s3BucketName,
        Map<String, Object> otherKeys) {

    public S3ReleaseFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(s3Key, "s3Key");
        Objects.requireNonNull(s3BucketName, "s3BucketName");
        otherKeys = OtherKeys.copyOf(otherKeys);
    }

    public S3ReleaseFile(String name, String suffix, String s3Key, String s3BucketName) {
        this(name, suffix, s3Key, s3BucketName, Map.of());
    }
}
