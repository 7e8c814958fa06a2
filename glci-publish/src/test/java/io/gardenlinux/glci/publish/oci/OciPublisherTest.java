package io.gardenlinux.glci.publish.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.OciPublishedImage;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import io.gardenlinux.glci.model.manifests.ReleaseManifest;
import io.gardenlinux.glci.model.manifests.S3ReleaseFile;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Publishing the oci platform to the real test registry ({@code IT_OCI_REGISTRY}). */
class OciPublisherTest {

    private static final String VERSION = "318.9";

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private OciRegistries registries;
    private OciPublisher publisher;

    @BeforeEach
    void setUp() {
        registries = OciRegistries.anonymous(reporter);
        publisher = new OciPublisher(registries, dir.resolve("work"), reporter);
    }

    @AfterEach
    void tearDown() {
        registries.close();
    }

    @Test
    void pushedImagePullsBackWithTheSameDigestsAndContent() throws Exception {
        String prefix = TestRegistry.uniqueRepository("rootfs");
        byte[][] tar = new byte[1][];
        Path rootfs = TestRegistry.rootfsTarXz(dir, 1, 3 << 20, tar);

        OciPublisher.Publication publication = publisher.publish(new OciPublisher.Request(prefix, VERSION,
                "oci-base-318.9-c03ea4", Architecture.AMD64, RootfsSource.ofFile(rootfs)));

        assertThat(publication.reference()).hasToString(prefix + ":318.9-oci-base-318.9-c03ea4");
        assertThat(publication.image()).hasToString(prefix + ":318.9-oci-base-318.9-c03ea4-amd64");
        assertThat(publication.blobsUploaded()).isEqualTo(2);
        JsonNode manifest = TestRegistry.manifest(publication.image());
        String layerDigest = manifest.path("layers").get(0).path("digest").asString();
        byte[] layer = TestRegistry.blob(publication.image(), layerDigest);
        assertThat(TestRegistry.sha256(layer)).isEqualTo(layerDigest);
        assertThat(manifest.path("layers").get(0).path("size").asLong()).isEqualTo(layer.length);
        byte[] unpacked = new GZIPInputStream(new ByteArrayInputStream(layer)).readAllBytes();
        assertThat(unpacked).isEqualTo(tar[0]);

        String configDigest = manifest.path("config").path("digest").asString();
        byte[] configBytes = TestRegistry.blob(publication.image(), configDigest);
        assertThat(TestRegistry.sha256(configBytes)).isEqualTo(configDigest);
        JsonNode config = OciImage.JSON.readTree(configBytes);
        assertThat(config.path("architecture").asString()).isEqualTo("amd64");
        assertThat(config.path("os").asString()).isEqualTo("linux");
        assertThat(config.path("author").asString()).isEqualTo("Gardenlinux CI");
        assertThat(config.path("rootfs").path("diff_ids").get(0).asString()).isEqualTo(TestRegistry.sha256(tar[0]));

        byte[] rawManifest = TestRegistry.get("http://" + publication.image().registry() + "/v2/"
                + publication.image().repository() + "/manifests/" + publication.image().tag(),
                RepositoryClient.OCI_MANIFEST);
        assertThat(TestRegistry.sha256(rawManifest)).isEqualTo(publication.imageDigest());

        JsonNode index = TestRegistry.manifest(publication.reference());
        assertThat(index.path("mediaType").asString()).isEqualTo(RepositoryClient.OCI_INDEX);
        assertThat(index.path("manifests")).hasSize(1);
        assertThat(index.path("manifests").get(0).path("digest").asString()).isEqualTo(publication.imageDigest());
        assertThat(index.path("manifests").get(0).path("platform").path("architecture").asString())
                .isEqualTo("amd64");
        try (var files = Files.list(dir.resolve("work"))) {
            assertThat(files).as("temporary layer files are removed").isEmpty();
        }
    }

    @Test
    void publishingTheSameReleaseAgainUploadsNothing() throws Exception {
        String prefix = TestRegistry.uniqueRepository("again");
        Path rootfs = TestRegistry.rootfsTarXz(dir, 2, 1 << 20, null);
        OciPublisher.Request request = new OciPublisher.Request(prefix, VERSION, "oci-base-318.9-c03ea4",
                Architecture.AMD64, RootfsSource.ofFile(rootfs));

        OciPublisher.Publication first = publisher.publish(request);
        OciPublisher.Publication second = publisher.publish(request);

        assertThat(first.blobsUploaded()).isEqualTo(2);
        assertThat(second.alreadyPublished()).isTrue();
        assertThat(second.blobsUploaded()).isZero();
        assertThat(second.imageDigest()).isEqualTo(first.imageDigest());
        assertThat(second.index().written()).isFalse();
        assertThat(second.index().digest()).isEqualTo(first.index().digest());
    }

    @Test
    void aNewRootfsWithTheSameLayerContentSendsNoBlobTwice() throws Exception {
        String prefix = TestRegistry.uniqueRepository("same-layer");
        Path rootfs = TestRegistry.rootfsTarXz(dir, 3, 1 << 20, null);
        Path copy = Files.copy(rootfs, dir.resolve("copy.tar.xz"));
        // the same content under two release names: the second image reuses both blobs
        OciPublisher.Publication first = publisher.publish(new OciPublisher.Request(prefix, VERSION,
                "oci-base-318.9-c03ea4", Architecture.AMD64, RootfsSource.ofFile(rootfs)));
        OciPublisher.Publication second = publisher.publish(new OciPublisher.Request(prefix, VERSION,
                "oci-base-318.9-d04fb5", Architecture.AMD64, RootfsSource.ofFile(copy)));

        assertThat(first.blobsUploaded()).isEqualTo(2);
        assertThat(second.alreadyPublished()).isFalse();
        assertThat(second.blobsUploaded()).isZero();
        assertThat(second.imageDigest()).isEqualTo(first.imageDigest());
    }

    @Test
    void aRebuiltRootfsReplacesTheImageAndTheIndexEntry() throws Exception {
        String prefix = TestRegistry.uniqueRepository("rebuilt");
        OciPublisher.Publication first = publisher.publish(new OciPublisher.Request(prefix, VERSION,
                "oci-base-318.9-c03ea4", Architecture.AMD64,
                RootfsSource.ofFile(TestRegistry.rootfsTarXz(dir, 12, 1 << 16, null))));
        Path rebuilt = Files.createDirectories(dir.resolve("rebuilt"));
        OciPublisher.Publication second = publisher.publish(new OciPublisher.Request(prefix, VERSION,
                "oci-base-318.9-c03ea4", Architecture.AMD64,
                RootfsSource.ofFile(TestRegistry.rootfsTarXz(rebuilt, 13, 1 << 16, null))));

        assertThat(second.imageDigest()).isNotEqualTo(first.imageDigest());
        assertThat(reporter.all()).contains("holds an image of another rootfs (" + RootfsSource.ofFile(
                dir.resolve("rootfs-12.tar.xz")).identity() + "); it is replaced");
        JsonNode index = TestRegistry.manifest(second.reference());
        assertThat(index.path("manifests")).extracting(m -> m.path("digest").asString())
                .containsExactly(second.imageDigest());
    }

    @Test
    void indexListsBothArchitectures() throws Exception {
        String prefix = TestRegistry.uniqueRepository("multiarch");
        OciPublisher.Publication amd64 = publisher.publish(new OciPublisher.Request(prefix, VERSION,
                "oci-base-318.9-c03ea4", Architecture.AMD64,
                RootfsSource.ofFile(TestRegistry.rootfsTarXz(dir, 4, 1 << 20, null))));
        OciPublisher.Publication arm64 = publisher.publish(new OciPublisher.Request(prefix, VERSION,
                "oci-base-318.9-c03ea4", Architecture.ARM64,
                RootfsSource.ofFile(TestRegistry.rootfsTarXz(dir, 5, 1 << 20, null))));

        assertThat(arm64.index().architectures()).containsExactly(Architecture.AMD64, Architecture.ARM64);
        JsonNode index = TestRegistry.manifest(arm64.reference());
        assertThat(index.path("manifests")).hasSize(2);
        assertThat(index.path("manifests").get(0).path("digest").asString()).isEqualTo(amd64.imageDigest());
        assertThat(index.path("manifests").get(1).path("digest").asString()).isEqualTo(arm64.imageDigest());
        assertThat(index.path("manifests").get(1).path("platform").path("variant").asString()).isEqualTo("v8");
        JsonNode armConfig = OciImage.JSON.readTree(TestRegistry.blob(arm64.image(),
                TestRegistry.manifest(arm64.image()).path("config").path("digest").asString()));
        assertThat(armConfig.path("architecture").asString()).isEqualTo("arm64");
    }

    @Test
    void concurrentPublishersOfTwoArchitecturesBothEndUpInTheIndex() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String prefix = TestRegistry.uniqueRepository("race");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<OciPublisher.Publication>> results = new ArrayList<>();
                for (Architecture architecture : Architecture.values()) {
                    Path rootfs = TestRegistry.rootfsTarXz(dir, 10 * round + architecture.ordinal(), 256 << 10,
                            null);
                    results.add(pool.submit(() -> {
                        start.await();
                        return publisher.publish(new OciPublisher.Request(prefix, VERSION, "oci-base-318.9-c03ea4",
                                architecture, RootfsSource.ofFile(rootfs)));
                    }));
                }
                start.countDown();
                List<String> digests = new ArrayList<>();
                for (Future<OciPublisher.Publication> result : results) {
                    digests.add(result.get().imageDigest());
                }
                JsonNode index = TestRegistry.manifest(ImageReference.parse(prefix + ":318.9-oci-base-318.9-c03ea4"));
                List<String> listed = new ArrayList<>();
                index.path("manifests").forEach(m -> listed.add(m.path("digest").asString()));
                assertThat(listed).as("round %d", round).containsExactlyElementsOf(digests);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStaleWriterLosesNoEntry() throws Exception {
        String prefix = TestRegistry.uniqueRepository("stale");
        String tag = "318.9-oci-base-318.9-c03ea4";
        OciPublisher.Publication amd64 = publisher.publish(new OciPublisher.Request(prefix, VERSION,
                "oci-base-318.9-c03ea4", Architecture.AMD64,
                RootfsSource.ofFile(TestRegistry.rootfsTarXz(dir, 6, 1 << 20, null))));
        RepositoryClient repository = registries.repository(ImageReference.parse(prefix));
        byte[] amd64Only = repository.manifest(tag).orElseThrow().content();
        OciPublisher.Publication arm64 = publisher.publish(new OciPublisher.Request(prefix, VERSION,
                "oci-base-318.9-c03ea4", Architecture.ARM64,
                RootfsSource.ofFile(TestRegistry.rootfsTarXz(dir, 7, 1 << 20, null))));
        // a slow publisher that read the index before arm64 was added writes its stale view last
        repository.putManifest(tag, RepositoryClient.OCI_INDEX, amd64Only, java.util.Optional.empty());

        MultiArchitectureIndex.Update repaired = new MultiArchitectureIndex(reporter).update(repository, tag);

        assertThat(repaired.written()).isTrue();
        JsonNode index = TestRegistry.manifest(ImageReference.parse(prefix + ":" + tag));
        assertThat(index.path("manifests")).extracting(m -> m.path("digest").asString())
                .containsExactly(amd64.imageDigest(), arm64.imageDigest());
    }

    @Test
    void publishingAReleaseManifestRecordsTheIndexReference() throws Exception {
        String prefix = TestRegistry.uniqueRepository("manifest");
        FeatureGraph features = FeatureGraph.load(Path.of("..", "samples", "gardenlinux", "features"));
        ReleaseIdentifier id = new ReleaseIdentifier("c03ea4d3d5e2a1b0", VERSION, 318, Architecture.AMD64, "oci",
                List.of("base"));
        ReleaseManifest manifest = new ReleaseManifest(id, "2021-08-04T10:11:12", List.of(new S3ReleaseFile(
                "318-c03ea4-rootfs.tar.xz", "rootfs.tar.xz", "objects/abc", "bucket")));

        ReleaseManifest published = publisher.publish(manifest, features, prefix,
                RootfsSource.ofFile(TestRegistry.rootfsTarXz(dir, 8, 1 << 20, null)));

        assertThat(published.publishedImageMetadata())
                .isEqualTo(new OciPublishedImage(prefix + ":318.9-oci-base-318.9-c03ea4", java.util.Map.of()));
        assertThat(published.paths()).isEqualTo(manifest.paths());
    }

    @Test
    void aManifestFileIsRewrittenWithThePublishedReference() throws Exception {
        String prefix = TestRegistry.uniqueRepository("manifest-file");
        FeatureGraph features = FeatureGraph.load(Path.of("..", "samples", "gardenlinux", "features"));
        ReleaseManifest manifest = new ReleaseManifest(new ReleaseIdentifier("c03ea4d3d5e2a1b0", VERSION, 318,
                Architecture.ARM64, "oci", List.of("base")), "2021-08-04T10:11:12", List.of(),
                null, java.util.Map.of("custom_key", "kept"));
        Path file = Files.writeString(dir.resolve("manifest.yaml"),
                io.gardenlinux.glci.model.manifests.ManifestYaml.write(manifest));

        publisher.publishManifestFile(file, file, features, prefix,
                RootfsSource.ofFile(TestRegistry.rootfsTarXz(dir, 11, 1 << 16, null)));

        String written = Files.readString(file);
        assertThat(written).contains("image_reference: " + prefix + ":318.9-oci-base-318.9-c03ea4")
                .contains("custom_key: kept");
        assertThat(TestRegistry.manifest(ImageReference.parse(prefix + ":318.9-oci-base-318.9-c03ea4-arm64"))
                .path("annotations").path("org.opencontainers.image.version").asString()).isEqualTo(VERSION);
    }

    @Test
    void aReleaseInTheBuildResultStoreIsPublishedFromS3AndItsManifestStoredAgain() throws Exception {
        String prefix = TestRegistry.uniqueRepository("from-s3");
        FeatureGraph features = FeatureGraph.load(Path.of("..", "samples", "gardenlinux", "features"));
        byte[][] tar = new byte[1][];
        byte[] xz = Files.readAllBytes(TestRegistry.rootfsTarXz(dir, 14, 1 << 18, tar));
        try (software.amazon.awssdk.services.s3.S3Client s3 =
                io.gardenlinux.glci.publish.store.S3TestAccess.client()) {
            String bucket = io.gardenlinux.glci.publish.store.S3TestAccess.newBucket(s3);
            String objectKey = "objects/0123456789abcdef0123456789abcdef01234567";
            s3.putObject(b -> b.bucket(bucket).key(objectKey),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(xz));
            ReleaseManifest manifest = new ReleaseManifest(new ReleaseIdentifier("c03ea4d3d5e2a1b0", VERSION, 318,
                    Architecture.AMD64, "oci", List.of("base")), "2021-08-04T10:11:12", List.of(new S3ReleaseFile(
                    "318-c03ea4-rootfs.tar.xz", "rootfs.tar.xz", objectKey, bucket)));
            var store = new io.gardenlinux.glci.publish.store.BuildResultStore(s3, bucket, reporter);
            String key = "meta/singles/oci-base-318.9-c03ea4";
            store.putManifest(key, io.gardenlinux.glci.model.manifests.ManifestYaml.write(manifest));

            publisher.publishStoredManifest(store, key, features, prefix);

            assertThat(store.manifest(key).orElseThrow().manifest().publishedImageMetadata())
                    .isEqualTo(new OciPublishedImage(prefix + ":318.9-oci-base-318.9-c03ea4", java.util.Map.of()));
            ImageReference image = ImageReference.parse(prefix + ":318.9-oci-base-318.9-c03ea4-amd64");
            JsonNode pushed = TestRegistry.manifest(image);
            assertThat(pushed.path("annotations").path("io.gardenlinux.glci.rootfs").asString())
                    .isEqualTo("s3://" + bucket + "/" + objectKey);
            byte[] layer = TestRegistry.blob(image, pushed.path("layers").get(0).path("digest").asString());
            assertThat(new GZIPInputStream(new ByteArrayInputStream(layer)).readAllBytes()).isEqualTo(tar[0]);

            assertThatThrownBy(() -> publisher.publishStoredManifest(store, "meta/singles/none", features,
                    prefix)).isInstanceOf(GlciException.class)
                    .hasMessage("there is no release manifest meta/singles/none in bucket " + bucket);
        }
    }

    @Test
    void otherPlatformsAndBadInputAreRefusedWithAClearMessage() throws Exception {
        FeatureGraph features = FeatureGraph.load(Path.of("..", "samples", "gardenlinux", "features"));
        ReleaseManifest aws = new ReleaseManifest(new ReleaseIdentifier("c03ea4d3", VERSION, 318, Architecture.AMD64,
                "aws", List.of("base")), "2021-08-04T10:11:12", List.of());
        Path rootfs = TestRegistry.rootfsTarXz(dir, 9, 1 << 10, null);
        assertThatThrownBy(() -> publisher.publish(aws, features, TestRegistry.uniqueRepository("x"),
                RootfsSource.ofFile(rootfs)))
                .isInstanceOf(GlciException.class).hasMessageContaining("platform 'aws'");

        Path notXz = Files.writeString(dir.resolve("rootfs.tar.xz"), "not xz at all");
        assertThatThrownBy(() -> publisher.publish(new OciPublisher.Request(TestRegistry.uniqueRepository("bad"),
                VERSION, "oci-base-318.9-c03ea4", Architecture.AMD64, RootfsSource.ofFile(notXz))))
                .isInstanceOf(GlciException.class).hasMessageContaining("is not xz-compressed");
        assertThatThrownBy(() -> publisher.publish(new OciPublisher.Request(TestRegistry.address() + "/x:tag",
                VERSION, "oci-base-318.9-c03ea4", Architecture.AMD64, RootfsSource.ofFile(rootfs))))
                .isInstanceOf(GlciException.class).hasMessageContaining("without tag or digest");
    }
}
