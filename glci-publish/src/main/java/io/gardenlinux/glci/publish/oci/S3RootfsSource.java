package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.manifests.S3ReleaseFile;
import java.io.InputStream;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A {@code rootfs.tar.xz} in the build-result bucket, as a release manifest names it. Its identity is the bucket
 * and key: keys below {@code objects/} are the SHA-1 of the content, so the key names the content. It is read as a
 * stream, never held whole.
 */
public final class S3RootfsSource implements RootfsSource {

    private final S3Client s3;
    private final String bucket;
    private final String key;

    public S3RootfsSource(S3Client s3, S3ReleaseFile file) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = file.s3BucketName();
        this.key = file.s3Key();
    }

    @Override
    public String name() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String identity() {
        return name();
    }

    @Override
    public long size() {
        try {
            Long length = s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
            return length == null ? -1 : length;
        } catch (SdkException e) {
            throw new GlciException("rootfs " + name() + ": cannot look it up: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open() {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new GlciException("rootfs " + name() + ": cannot read it: " + e.getMessage(), e);
        }
    }
}
