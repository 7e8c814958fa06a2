package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.model.manifests.ManifestYaml;
import io.gardenlinux.glci.model.manifests.OnlineReleaseManifest;
import io.gardenlinux.glci.model.manifests.OnlineReleaseManifestSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The build-result bucket, laid out as the original CI lays it out ({@link ManifestKeys}): content-addressed objects,
 * single manifests and manifest sets. Every failure names the bucket and key and says what to check; only a 404 for
 * a missing key counts as "absent".
 */
public final class BuildResultStore {

    /** The content type the original gives manifests. */
    public static final String MANIFEST_CONTENT_TYPE = "text/yaml";
    /** The content encoding the original gives manifests. */
    public static final String MANIFEST_CONTENT_ENCODING = "utf-8";
    /** The most keys one {@code DeleteObjects} call takes. */
    static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;
    private final Reporter reporter;

    public BuildResultStore(S3Client s3, String bucket, Reporter reporter) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    public String bucket() {
        return bucket;
    }

    /** The client this store talks through, for reading the objects a manifest names (they may be in other buckets). */
    public S3Client client() {
        return s3;
    }

    Reporter reporter() {
        return reporter;
    }

    /** Fails with a clear message when the bucket does not exist or the credential may not use it. */
    public void verifyBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw failure("reach the bucket", null, e);
        }
    }

    /** The object's metadata, or empty when there is no such key. */
    public Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("look up", key, e);
        } catch (SdkException e) {
            throw failure("look up", key, e);
        }
    }

    /** The object's content, or empty when there is no such key (a missing bucket is an error). */
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
                return Optional.empty();
            }
            throw failure("read", key, e);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    /** The single manifest at {@code key}, or empty when there is none; YAML that is no manifest is an error. */
    public Optional<OnlineReleaseManifest> manifest(String key) {
        return get(key).map(yaml -> ManifestYaml.readOnlineManifest(yaml, bucket, key));
    }

    /** The manifest set at {@code key}, or empty when there is none. */
    public Optional<OnlineReleaseManifestSet> manifestSet(String key) {
        return get(key).map(yaml -> ManifestYaml.readOnlineSet(yaml, bucket, key));
    }

    /** Writes a manifest or manifest set as the original does: {@code text/yaml}, {@code utf-8}, overwriting. */
    public void putManifest(String key, String yaml) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(MANIFEST_CONTENT_TYPE)
                    .contentEncoding(MANIFEST_CONTENT_ENCODING),
                    RequestBody.fromString(yaml, StandardCharsets.UTF_8));
        } catch (SdkException e) {
            throw failure("write", key, e);
        }
    }

    /**
     * Every object under {@code prefix}, page by page ({@code ListObjectsV2} with continuation tokens);
     * {@code perPage} sees each page as it arrives.
     */
    public List<S3Object> list(String prefix, int pageSize, Consumer<List<S3Object>> perPage) {
        List<S3Object> all = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page;
            try {
                ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                        .maxKeys(pageSize);
                if (token != null) {
                    request.continuationToken(token);
                }
                page = s3.listObjectsV2(request.build());
            } catch (SdkException e) {
                throw failure("list", prefix, e);
            }
            perPage.accept(page.contents());
            all.addAll(page.contents());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return all;
    }

    /** Every object under {@code prefix}, 1,000 keys a page. */
    public List<S3Object> list(String prefix) {
        return list(prefix, 1000, page -> { });
    }

    /** Deletes the keys, 1,000 a call; a key that cannot be deleted fails the whole with its name. */
    public void delete(List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            DeleteObjectsResponse response;
            try {
                response = s3.deleteObjects(b -> b.bucket(bucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()));
            } catch (SdkException e) {
                throw failure("delete", batch.get(0).key() + " and " + (batch.size() - 1) + " more", e);
            }
            if (response.hasErrors() && !response.errors().isEmpty()) {
                var error = response.errors().get(0);
                throw new GlciException("s3://" + bucket + "/" + error.key() + ": cannot delete: " + error.code()
                        + " " + error.message() + " (" + response.errors().size() + " keys failed)");
            }
        }
    }

    /** A failure of an S3 call as a sentence naming the bucket, key, status and what to check. */
    GlciException failure(String action, String key, SdkException e) {
        String where = "s3://" + bucket + (key == null ? "" : "/" + key);
        if (e instanceof S3Exception s3e) {
            String code = errorCode(s3e);
            String hint = switch (code == null ? "" : code) {
                case "NoSuchBucket" -> "the bucket does not exist; check s3_bucket_name in cicd.yaml and the endpoint";
                case "InvalidAccessKeyId", "SignatureDoesNotMatch" ->
                        "the credentials were refused; check the aws credential's access_key_id and secret_access_key";
                case "AccessDenied" -> "access denied; the aws credential needs read, write and list permissions on"
                        + " the bucket";
                default -> s3e.statusCode() == 404 && key == null ? "the bucket does not exist" :
                        s3e.statusCode() == 403 ? "access denied or the credentials were refused" : "";
            };
            return new GlciException(where + ": cannot " + action + ": HTTP " + s3e.statusCode()
                    + (code == null ? "" : " " + code) + (hint.isEmpty() ? "" : " - " + hint), e);
        }
        if (e instanceof SdkClientException) {
            return new GlciException(where + ": cannot " + action + ": " + e.getMessage()
                    + " - check the endpoint and the network", e);
        }
        return new GlciException(where + ": cannot " + action + ": " + e.getMessage(), e);
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
