package io.gardenlinux.glci.publish.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Uploads through a proxy that answers 503, resets connections, stalls, or dies midway. */
class FaultToleranceTest {

    /** A stalled connection is given up after one second. */
    static final S3Connection.Timeouts QUICK = new S3Connection.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofMinutes(3));

    @TempDir
    Path dir;

    S3Client direct;
    String bucket;
    final ReleaseIdentifier build = Fixtures.awsBuild();
    final String manifestKey = build.manifestKey(Fixtures.features());

    @BeforeEach
    void bucket() {
        direct = S3TestServer.client();
        bucket = S3TestServer.newBucket(direct);
    }

    @AfterEach
    void close() {
        direct.close();
    }

    UploadReport upload(FaultyProxy proxy, Path tarball, S3Connection.Retries retries) {
        S3Connection connection = S3TestServer.connection(proxy.endpoint()).withTimeouts(QUICK).withRetries(retries);
        try (S3Client s3 = S3Clients.create(connection, 8)) {
            BuildResultStore store = new BuildResultStore(s3, bucket, Reporter.silent());
            return new ResultUploader(store, ResultUploaderTest.SMALL_PARTS, Fixtures.CLOCK)
                    .upload(tarball, build, manifestKey);
        }
    }

    @Test
    void theUploadCompletesThrough503sResetsAndStalls() throws Exception {
        Map<String, byte[]> files = TestTarballs.result(21, (16 << 20) + 777);
        for (int i = 0; i < 6; i++) {
            files.put(TestTarballs.DIR + "rootfs.part" + i, TestTarballs.content(210 + i, 700_000 + i));
        }
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);
        // the first 40 connections: a quarter each pass (reset after 3 MiB), 503, reset after 100 KB, stall
        try (FaultyProxy proxy = new FaultyProxy(S3TestServer.endpoint(), n -> n >= 40 ? FaultyProxy.PASS
                : switch (n % 4) {
                    case 0 -> new FaultyProxy.Pass(3 << 20);
                    case 1 -> new FaultyProxy.SlowDown();
                    case 2 -> new FaultyProxy.Pass(100_000);
                    default -> new FaultyProxy.Stall();
                })) {
            UploadReport report = upload(proxy, tarball,
                    new S3Connection.Retries(20, Duration.ofMillis(10), Duration.ofMillis(200)));

            assertThat(report.objectsUploaded()).isEqualTo(files.size());
            assertThat(proxy.injected("503")).isPositive();
            assertThat(proxy.injected("reset")).isPositive();
            assertThat(proxy.injected("stall")).isPositive();
        }
        ResultUploaderTest.assertStored(direct, bucket, manifestKey, files);
        assertThat(direct.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    @Test
    void contentCorruptedOnTheWayIsRefusedByTheServerAndNothingIsRecorded() throws Exception {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(TestTarballs.DIR + "rootfs.raw", TestTarballs.content(41, 200_000));
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);
        // every connection flips a bit 100,000 bytes in: within the body of the one PUT
        try (FaultyProxy proxy = new FaultyProxy(S3TestServer.endpoint(), n -> new FaultyProxy.Corrupt(100_000))) {
            assertThatThrownBy(() -> upload(proxy, tarball, S3TestServer.RETRIES))
                    .isInstanceOf(GlciException.class)
                    .hasMessageContaining("s3://" + bucket + "/objects/")
                    .hasMessageContaining("cannot upload");
            assertThat(proxy.injected("corrupt")).isPositive();
        }
        BuildResultStore store = new BuildResultStore(direct, bucket, Reporter.silent());
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void aRerunAfterAKilledUploadSendsNoStoredObjectAgain() throws Exception {
        Map<String, byte[]> files = TestTarballs.result(31, (12 << 20) + 5);
        for (int i = 0; i < 10; i++) {
            files.put(TestTarballs.DIR + "rootfs.file" + i, TestTarballs.content(310 + i, 1_500_000 + i));
        }
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);
        long total = files.values().stream().mapToLong(b -> b.length).sum();

        try (FaultyProxy dying = new FaultyProxy(S3TestServer.endpoint(), n -> FaultyProxy.PASS)) {
            dying.killAfter(total / 2);
            assertThatThrownBy(() -> upload(dying, tarball,
                    new S3Connection.Retries(3, Duration.ofMillis(10), Duration.ofMillis(50))))
                    .isInstanceOf(GlciException.class);
            assertThat(dying.injected("killed")).isPositive();
        }
        BuildResultStore store = new BuildResultStore(direct, bucket, Reporter.silent());
        assertThat(store.head(manifestKey)).as("no manifest before all its objects are stored").isEmpty();
        Set<String> stored = store.list(ManifestKeys.OBJECTS_PREFIX + "/").stream().map(S3Object::key)
                .collect(Collectors.toSet());
        long missing = files.values().stream()
                .filter(c -> !stored.contains(ManifestKeys.objectKey(ResultUploader.sha1Of(c))))
                .mapToLong(c -> c.length).sum();
        assertThat(stored).as("some objects were stored before the upload died").isNotEmpty();
        assertThat(missing).as("some objects were not").isPositive();

        try (FaultyProxy counting = new FaultyProxy(S3TestServer.endpoint(), n -> FaultyProxy.PASS)) {
            UploadReport report = upload(counting, tarball, S3TestServer.RETRIES);

            assertThat(report.bytesUploaded()).isEqualTo(missing);
            // request heads, HEAD look-ups and the manifest: far less than one more object
            assertThat(counting.upstreamBytes()).isBetween(missing, missing + 256 * 1024 + missing / 50);
        }
        ResultUploaderTest.assertStored(direct, bucket, manifestKey, files);
    }
}
