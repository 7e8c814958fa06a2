package io.gardenlinux.glci.publish.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.Setting;
import io.gardenlinux.glci.model.settings.SettingValues;
import io.gardenlinux.glci.publish.store.RecordingProxy.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** What the S3 server receives from {@code upload-results}, seen at a proxy in front of it. */
class UploadRequestsTest {

    static final int MIB = 1 << 20;
    /** Held requests wait up to 30 s for their answer; the proxy holds none that long. */
    static final S3Connection.Timeouts PATIENT = new S3Connection.Timeouts(Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5));

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

    /** The tuning of these settings (as -Dglci.x gives them), the defaults for the others. */
    static UploadTuning tuning(Map<Setting<?>, String> given) {
        SettingValues.Builder settings = SettingValues.builder(name -> Optional.empty());
        given.forEach(settings::put);
        return UploadTuning.from(settings.build());
    }

    UploadReport upload(RecordingProxy proxy, Path tarball, UploadTuning tuning) {
        S3Connection connection = S3TestServer.connection(proxy.endpoint()).withTimeouts(PATIENT);
        try (S3Client s3 = S3Clients.create(connection, 16)) {
            return new ResultUploader(new BuildResultStore(s3, bucket, Reporter.silent()), tuning, Fixtures.CLOCK)
                    .upload(tarball, build, manifestKey);
        }
    }

    static String key(byte[] content) {
        return ManifestKeys.objectKey(ResultUploader.sha1Of(content));
    }

    @Test
    void filesFromTwiceThePartSizeOnGoInPartsOfExactlyThePartSizeAndSmallerOnesInOnePut() throws Exception {
        // the defaults: glci.partSizeMiB=16, so parts from 32 MiB on
        UploadTuning tuning = tuning(Map.of());
        byte[] below = TestTarballs.content(61, 32 * MIB - 1);
        byte[] exactly = TestTarballs.content(62, 32 * MIB);
        byte[] above = TestTarballs.content(63, 40 * MIB + 123);
        byte[] small = TestTarballs.content(64, 1000);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TestTarballs.DIR + "rootfs.raw", below);
        files.put(TestTarballs.DIR + "rootfs.vhd", exactly);
        files.put(TestTarballs.DIR + "rootfs.qcow2", above);
        files.put(TestTarballs.DIR + "rootfs.manifest", small);
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);

        List<Request> requests;
        try (RecordingProxy proxy = new RecordingProxy(S3TestServer.endpoint())) {
            upload(proxy, tarball, tuning);
            requests = proxy.requests().stream().filter(r -> r.path().contains("/objects/")).toList();
        }

        assertThat(requests).filteredOn(r -> !r.method().equals("HEAD"))
                .allMatch(r -> r.status() / 100 == 2, "succeeded");
        // whole files: one PUT each, with their SHA-1 for the server to check
        Map<String, Long> puts = requests.stream().filter(Request::isPutObject)
                .collect(Collectors.toMap(Request::path, Request::payloadSize));
        assertThat(puts).containsOnly(Map.entry("/" + bucket + "/" + key(below), (long) below.length),
                Map.entry("/" + bucket + "/" + key(small), (long) small.length));
        assertThat(requests.stream().filter(Request::isPutObject))
                .allMatch(r -> r.headers().containsKey("x-amz-checksum-sha1"), "carries x-amz-checksum-sha1");
        // large files: one multipart upload each, parts of exactly 16 MiB and the rest, each with a CRC32
        assertThat(requests.stream().filter(Request::isCreateMultipartUpload).map(Request::path))
                .containsExactlyInAnyOrder("/" + bucket + "/" + key(exactly), "/" + bucket + "/" + key(above));
        assertThat(requests.stream().filter(Request::isCompleteMultipartUpload).map(Request::path))
                .containsExactlyInAnyOrder("/" + bucket + "/" + key(exactly), "/" + bucket + "/" + key(above));
        assertThat(partSizes(requests, key(exactly))).containsExactly(16L * MIB, 16L * MIB);
        assertThat(partSizes(requests, key(above))).containsExactly(16L * MIB, 16L * MIB, 8L * MIB + 123);
        assertThat(requests.stream().filter(Request::isUploadPart)).allMatch(
                r -> "CRC32".equals(r.headers().get("x-amz-sdk-checksum-algorithm")), "names CRC32");
        ResultUploaderTest.assertStored(direct, bucket, manifestKey, files);
    }

    /** The sizes of the parts of the object at {@code key}, by part number; the numbers are 1, 2, ... */
    private List<Long> partSizes(List<Request> requests, String key) {
        List<Request> parts = requests.stream()
                .filter(r -> r.isUploadPart() && r.path().equals("/" + bucket + "/" + key))
                .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.query("partNumber").orElseThrow())))
                .toList();
        assertThat(parts).extracting(r -> Integer.parseInt(r.query("partNumber").orElseThrow()))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, parts.size()).boxed().toList());
        return parts.stream().map(Request::payloadSize).toList();
    }

    @Test
    void atMostS3ConcurrencyRequestsAreInFlight() throws Exception {
        // glci.s3Concurrency=3, 5 MiB parts from 10 MiB on
        UploadTuning tuning = tuning(Map.of(GlciSettings.S3_CONCURRENCY, "3", GlciSettings.PART_SIZE_MIB, "5"));
        assertThat(tuning.concurrency()).isEqualTo(3);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            files.put(TestTarballs.DIR + "rootfs.a" + i, TestTarballs.content(70 + i, 300_000 + i));
        }
        files.put(TestTarballs.DIR + "rootfs.raw", TestTarballs.content(75, 16 * MIB + 5));
        for (int i = 0; i < 3; i++) {
            files.put(TestTarballs.DIR + "rootfs.b" + i, TestTarballs.content(80 + i, 200_000 + i));
        }
        files.put(TestTarballs.DIR + "rootfs.vhd", TestTarballs.content(85, 11 * MIB));
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);

        // every object PUT (whole or part) is held until a fourth request is open, or three have been open for a
        // second, or five seconds passed: requests that can overlap do, and one more than allowed shows up
        try (RecordingProxy proxy = new RecordingProxy(S3TestServer.endpoint()).holding(
                r -> r.method().equals("PUT") && r.path().contains("/objects/"), 3, Duration.ofSeconds(1),
                Duration.ofSeconds(5))) {
            UploadReport report = upload(proxy, tarball, tuning);

            assertThat(report.objectsUploaded()).isEqualTo(files.size());
            assertThat(proxy.requests().stream().filter(Request::isUploadPart)).hasSize(4 + 3);
            assertThat(proxy.maxOpen()).as("requests open at once: %s", proxy.openAtMax()).isLessThanOrEqualTo(3).isGreaterThanOrEqualTo(2);
        }
        ResultUploaderTest.assertStored(direct, bucket, manifestKey, files);
    }
}
