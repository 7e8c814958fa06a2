package io.gardenlinux.glci.publish.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.model.manifests.OnlineReleaseManifest;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import io.gardenlinux.glci.model.manifests.S3ReleaseFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;

class ResultUploaderTest {

    /** 5 MiB parts from 6 MiB on, so that a test file of a few MiB goes in parts. */
    static final UploadTuning SMALL_PARTS = new UploadTuning(UploadTuning.MIN_PART_SIZE, 6L << 20, 4);

    @TempDir
    Path dir;

    S3Client s3;
    String bucket;
    BuildResultStore store;
    final ReleaseIdentifier build = Fixtures.awsBuild();
    final String manifestKey = build.manifestKey(Fixtures.features());

    @BeforeEach
    void bucket() {
        s3 = S3TestServer.client();
        bucket = S3TestServer.newBucket(s3);
        store = new BuildResultStore(s3, bucket, Reporter.silent());
    }

    @AfterEach
    void close() {
        s3.close();
    }

    ResultUploader uploader(UploadTuning tuning) {
        return new ResultUploader(store, tuning, Fixtures.CLOCK);
    }

    /** Every file of the tarball is stored under the SHA-1 of its content, and the manifest names them all. */
    static void assertStored(S3Client s3, String bucket, String manifestKey, Map<String, byte[]> files) {
        BuildResultStore store = new BuildResultStore(s3, bucket, Reporter.silent());
        OnlineReleaseManifest manifest = store.manifest(manifestKey).orElseThrow();
        assertThat(manifest.manifest().paths()).hasSize(files.size());
        int i = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            S3ReleaseFile path = manifest.manifest().paths().get(i++);
            assertThat(path.name()).isEqualTo("318-c03ea4-" + file.getKey().substring(2));
            assertThat(path.suffix()).isEqualTo(file.getKey().substring(file.getKey().lastIndexOf('/') + 1));
            assertThat(path.s3Key()).isEqualTo(ManifestKeys.objectKey(ResultUploader.sha1Of(file.getValue())));
            assertThat(path.s3BucketName()).isEqualTo(bucket);
            assertThat(store.get(path.s3Key()).orElseThrow()).isEqualTo(file.getValue());
        }
    }

    @Test
    void everyRegularFileIsStoredUnderItsSha1AndTheManifestNamesThem() {
        Map<String, byte[]> files = TestTarballs.result(1, 100_000);
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);

        UploadReport report = uploader(UploadTuning.DEFAULT).upload(tarball, build, manifestKey);

        assertThat(report.manifestKey()).isEqualTo("meta/singles/aws-cloud-gardener-_prod-318.9-c03ea4");
        assertThat(report.objectsUploaded()).isEqualTo(4);
        assertThat(report.objectsSkipped()).isZero();
        assertStored(s3, bucket, manifestKey, files);
        var head = s3.headObject(b -> b.bucket(bucket).key(manifestKey));
        assertThat(head.contentType()).isEqualTo("text/yaml");
        assertThat(head.contentEncoding()).isEqualTo("utf-8");
        OnlineReleaseManifest manifest = store.manifest(manifestKey).orElseThrow();
        assertThat(manifest.manifest().identifier()).isEqualTo(build);
        assertThat(manifest.manifest().buildTimestamp()).isEqualTo("2021-08-04T10:11:12.123456");
        assertThat(manifest.manifest().publishedImageMetadata()).isNull();
    }

    @Test
    void objectsAlreadyStoredAreNotSentAgain() {
        Map<String, byte[]> files = TestTarballs.result(2, 100_000);
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);
        uploader(UploadTuning.DEFAULT).upload(tarball, build, manifestKey);

        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(TestTarballs.DIR + "rootfs.manifest", "changed\n".getBytes());
        Path second = TestTarballs.write(dir.resolve("second.out"), changed);
        UploadReport report = uploader(UploadTuning.DEFAULT).upload(second, build, manifestKey);

        assertThat(report.objectsUploaded()).isEqualTo(1);
        assertThat(report.objectsSkipped()).isEqualTo(3);
        assertThat(report.bytesUploaded()).isEqualTo("changed\n".length());
        assertStored(s3, bucket, manifestKey, changed);
    }

    @Test
    void aRerunOfTheUnchangedFileUsesTheHashesKeptBesideIt() throws IOException {
        Map<String, byte[]> files = TestTarballs.result(8, 100_000);
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);
        uploader(UploadTuning.DEFAULT).upload(tarball, build, manifestKey);
        assertThat(dir.resolve("gardenlinux.out.glci-sha1")).exists();
        java.util.List<String> infos = new java.util.concurrent.CopyOnWriteArrayList<>();
        Reporter recording = new Reporter() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
                infos.add(message);
            }

            @Override
            public void warn(String message) {
            }
        };
        ResultUploader rerun = new ResultUploader(new BuildResultStore(s3, bucket, recording), UploadTuning.DEFAULT,
                Fixtures.CLOCK);

        UploadReport report = rerun.upload(tarball, build, manifestKey);

        assertThat(report.objectsUploaded()).isZero();
        assertThat(infos).anyMatch(i -> i.contains("unchanged since it was hashed"));
        assertStored(s3, bucket, manifestKey, files);

        // the same name with other content: hashed again
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(TestTarballs.DIR + "rootfs.manifest", "other\n".getBytes());
        TestTarballs.write(tarball, changed);
        Files.setLastModifiedTime(tarball, java.nio.file.attribute.FileTime.fromMillis(86_400_000L));
        infos.clear();
        assertThat(rerun.upload(tarball, build, manifestKey).objectsUploaded()).isEqualTo(1);
        assertThat(infos).noneMatch(i -> i.contains("unchanged since it was hashed"));
        assertStored(s3, bucket, manifestKey, changed);
    }

    @Test
    void sameContentTwiceIsSentOnce() {
        Map<String, byte[]> files = TestTarballs.result(3, 100_000);
        files.put(TestTarballs.DIR + "rootfs.copy", files.get(TestTarballs.DIR + "rootfs.raw"));
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);

        UploadReport report = uploader(UploadTuning.DEFAULT).upload(tarball, build, manifestKey);

        assertThat(report.objectsUploaded()).isEqualTo(4);
        assertThat(report.bytesUploaded()).isEqualTo(files.values().stream().mapToLong(b -> b.length).sum() - 100_000);
        assertStored(s3, bucket, manifestKey, files);
    }

    @Test
    void largeFilesGoInPartsInParallel() {
        Map<String, byte[]> files = TestTarballs.result(4, (17 << 20) + 12345);
        files.put(TestTarballs.DIR + "rootfs.vhd", TestTarballs.content(44, 12 << 20));
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);

        UploadReport report = uploader(SMALL_PARTS).upload(tarball, build, manifestKey);

        assertThat(report.objectsUploaded()).isEqualTo(5);
        assertStored(s3, bucket, manifestKey, files);
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    @Test
    void progressIsReportedForHashingAndSending() {
        Map<String, byte[]> files = TestTarballs.result(10, 11 << 20);
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        Map<String, long[]> last = new java.util.concurrent.ConcurrentHashMap<>();
        Reporter recording = new Reporter() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void progress(String operation, long done, long all) {
                last.merge(operation, new long[] {done, all}, (a, b) -> a[0] >= b[0] ? a : b);
            }
        };

        new ResultUploader(new BuildResultStore(s3, bucket, recording), SMALL_PARTS, Fixtures.CLOCK)
                .upload(tarball, build, manifestKey);

        assertThat(last.get("upload gardenlinux.out")).containsExactly(total, total);
        assertThat(last.get("hash gardenlinux.out")[0]).isEqualTo(total);
    }

    @Test
    void gzipCompressedResultsAreRead() throws IOException {
        Map<String, byte[]> files = TestTarballs.result(5, 50_000);
        Path tarball = TestTarballs.write(dir.resolve("plain.tar"), files);
        Path gz = dir.resolve("gardenlinux.out");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(tarball, out);
        }

        uploader(UploadTuning.DEFAULT).upload(gz, build, manifestKey);

        assertStored(s3, bucket, manifestKey, files);
    }

    @Test
    void aTruncatedTarballFailsNamingTheFileAndMemberAndWritesNoManifest() throws IOException {
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), TestTarballs.result(6, 200_000));
        byte[] whole = Files.readAllBytes(tarball);
        Files.write(tarball, java.util.Arrays.copyOf(whole, 100_000));

        assertThatThrownBy(() -> uploader(UploadTuning.DEFAULT).upload(tarball, build, manifestKey))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining(tarball.toString())
                .hasMessageContaining("rootfs.raw")
                .hasMessageContaining("truncated");
        assertThat(store.head(manifestKey)).isEmpty();
        assertThat(store.list("objects/")).isEmpty();
    }

    @Test
    void aFileThatIsNoTarballFailsNamingIt() throws IOException {
        Path notTar = Files.writeString(dir.resolve("gardenlinux.out"), "this is no tarball ".repeat(100));

        assertThatThrownBy(() -> uploader(UploadTuning.DEFAULT).upload(notTar, build, manifestKey))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining(notTar.toString());
        assertThat(store.head(manifestKey)).isEmpty();
    }

    @Test
    void aMissingResultFileIsTheOriginalsError() {
        Path missing = dir.resolve("gardenlinux.out");

        assertThatThrownBy(() -> uploader(UploadTuning.DEFAULT).upload(missing, build, manifestKey))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("no build result - see the build step");
    }

    @Test
    void aMissingBucketIsNamed() {
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), TestTarballs.result(7, 1000));
        BuildResultStore nowhere = new BuildResultStore(s3, bucket + "-missing", Reporter.silent());

        assertThatThrownBy(() -> new ResultUploader(nowhere, UploadTuning.DEFAULT, Fixtures.CLOCK)
                .upload(tarball, build, manifestKey))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining(bucket + "-missing")
                .hasMessageContaining("NoSuchBucket");
    }

    /** Every object in the bucket is stored under the SHA-1 of its content. */
    static void assertEveryObjectMatchesItsKey(S3Client s3, String bucket) {
        BuildResultStore store = new BuildResultStore(s3, bucket, Reporter.silent());
        for (var object : store.list(ManifestKeys.OBJECTS_PREFIX + "/")) {
            assertThat(ManifestKeys.objectKey(ResultUploader.sha1Of(store.get(object.key()).orElseThrow())))
                    .as("the key of the content stored under %s", object.key()).isEqualTo(object.key());
        }
    }

    /**
     * A rerun on a tarball that was rewritten with other content of the same sizes, its modification time set back:
     * the kept hashes are taken, and the re-check while sending must refuse the member whose content changed.
     */
    @ParameterizedTest(name = "a member of {0} bytes")
    @ValueSource(ints = {100_000, (7 << 20) + 3})
    void contentThatNoLongerMatchesTheKeptHashFailsTheUploadNamingTheFileAndStoresNothingOfIt(int size)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TestTarballs.DIR + "rootfs.raw", TestTarballs.content(90, size));
        files.put(TestTarballs.DIR + "rootfs.manifest", "openssh-server 1:8.4p1-5\n".getBytes());
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);
        uploader(SMALL_PARTS).upload(tarball, build, manifestKey);
        FileTime modified = Files.getLastModifiedTime(tarball);
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(TestTarballs.DIR + "rootfs.raw", TestTarballs.content(91, size));
        TestTarballs.write(tarball, changed);
        Files.setLastModifiedTime(tarball, modified);
        assertThat(MemberHashes.read(tarball)).as("the kept hashes are taken for the rewritten tarball").isPresent();
        String other = S3TestServer.newBucket(s3);
        BuildResultStore elsewhere = new BuildResultStore(s3, other, Reporter.silent());

        assertThatThrownBy(() -> new ResultUploader(elsewhere, SMALL_PARTS, Fixtures.CLOCK)
                .upload(tarball, build, manifestKey))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining(tarball.toString())
                .hasMessageContaining("20210212/amd64/bullseye/rootfs.raw")
                .hasMessageContaining("changed while it was uploaded");
        assertEveryObjectMatchesItsKey(s3, other);
        assertThat(elsewhere.head(manifestKey)).isEmpty();
        assertThat(s3.listMultipartUploads(b -> b.bucket(other)).uploads()).isEmpty();
    }

    /**
     * A member rewritten in place after it was hashed (while the later ones are hashed) fails the upload naming it;
     * the rerun hashes the tarball again, as the hashes kept beside it are of the content before the change.
     */
    @Test
    void contentChangedAfterItWasHashedFailsTheUploadAndTheRerunHashesAgain() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] raw = TestTarballs.content(92, (7 << 20) + 5);
        files.put(TestTarballs.DIR + "rootfs.raw", raw);
        files.put(TestTarballs.DIR + "rootfs.tar.xz", TestTarballs.content(93, 3 << 20));
        Path tarball = TestTarballs.write(dir.resolve("gardenlinux.out"), files);
        byte[] written = Files.readAllBytes(tarball);
        long offset = indexOf(written, java.util.Arrays.copyOf(raw, 64)) + raw.length / 2;
        java.util.concurrent.atomic.AtomicBoolean rewritten = new java.util.concurrent.atomic.AtomicBoolean();
        Reporter rewriting = new Reporter() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void progress(String operation, long done, long all) {
                // rootfs.raw is hashed: flip one of its bytes
                if (operation.startsWith("hash ") && done > raw.length && rewritten.compareAndSet(false, true)) {
                    try (var file = new java.io.RandomAccessFile(tarball.toFile(), "rw")) {
                        file.seek(offset);
                        int b = file.read();
                        file.seek(offset);
                        file.write(b ^ 0x01);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };

        assertThatThrownBy(() -> new ResultUploader(new BuildResultStore(s3, bucket, rewriting), SMALL_PARTS,
                Fixtures.CLOCK).upload(tarball, build, manifestKey))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining(tarball.toString())
                .hasMessageContaining("20210212/amd64/bullseye/rootfs.raw")
                .hasMessageContaining("changed while it was uploaded");
        assertThat(rewritten).isTrue();
        assertEveryObjectMatchesItsKey(s3, bucket);
        assertThat(store.head(manifestKey)).isEmpty();
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();

        raw[raw.length / 2] ^= 0x01;
        uploader(SMALL_PARTS).upload(tarball, build, manifestKey);
        assertStored(s3, bucket, manifestKey, files);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
