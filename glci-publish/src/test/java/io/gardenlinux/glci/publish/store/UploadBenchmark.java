package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The upload benchmark of BENCHMARKS.md (run with {@code bin/benchmark-upload}): a 2 GiB build result of 15 files
 * sent to the test S3 server by glci, by the original's approach (Python, boto3) and, as the server's ceiling, as
 * one large object from memory at several concurrencies; then glci's rerun of the stored result.
 */
public final class UploadBenchmark {

    private static final long MIB = 1 << 20;
    private static final long[] BIG_MIB = {600, 400, 300, 250, 200, 150, 100, 40, 8};
    private static final int SMALL_FILES = 6;

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/benchmark").toAbsolutePath();
        Path script = Path.of(args.length > 1 ? args[1] : "src/test/benchmark/original_upload.py").toAbsolutePath();
        Files.createDirectories(work);
        Path tarball = work.resolve("gardenlinux.out");
        long size = writeResult(tarball);
        List<String> rows = new ArrayList<>();
        S3Connection connection = S3TestServer.connection().withTimeouts(S3Connection.Timeouts.DEFAULT);

        try (S3Client s3 = S3Clients.create(connection, 32)) {
            String bucket = S3TestServer.newBucket(s3);
            BuildResultStore store = new BuildResultStore(s3, bucket, Reporter.silent());
            ReleaseIdentifier build = Fixtures.awsBuild();
            ResultUploader uploader = new ResultUploader(store, UploadTuning.DEFAULT, Clock.systemDefaultZone());
            long[] io = io();
            long start = System.nanoTime();
            uploader.upload(tarball, build, build.manifestKey(Fixtures.features()));
            double first = seconds(start);
            long[] after = io();
            rows.add(row("glci upload-results (16 MiB parts, 8 requests)", size, first, after[0] - io[0],
                    after[1] - io[1]));

            io = io();
            start = System.nanoTime();
            uploader.upload(tarball, build, build.manifestKey(Fixtures.features()));
            double rerun = seconds(start);
            after = io();
            rows.add(row("glci rerun, everything stored (" + String.format(Locale.ROOT, "%.1f", 100 * rerun / first)
                    + " % of the first upload)", size, rerun, after[0] - io[0], after[1] - io[1]));
            empty(s3, bucket);

            String original = S3TestServer.newBucket(s3);
            Process python = new ProcessBuilder("python3", script.toString(), S3TestServer.env("IT_S3_ENDPOINT"),
                    S3TestServer.env("IT_S3_ACCESS_KEY"), S3TestServer.env("IT_S3_SECRET_KEY"), original,
                    tarball.toString()).redirectErrorStream(true).start();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (python.waitFor() != 0 || !out.startsWith("seconds=")) {
                throw new IllegalStateException("the original's upload failed: " + out);
            }
            String[] fields = out.split(" ");
            rows.add(row("original: SHA-1 in 4 KiB chunks, then boto3 upload_fileobj", size,
                    Double.parseDouble(fields[0].substring(8)), Long.parseLong(fields[1].substring(6)),
                    Long.parseLong(fields[2].substring(11))));
            empty(s3, original);

            for (int concurrency : new int[] {4, 8, 16}) {
                String ceiling = S3TestServer.newBucket(s3);
                start = System.nanoTime();
                putFromMemory(s3, ceiling, size, concurrency);
                rows.add(row("ceiling: one " + size / MIB + " MiB object from memory, 16 MiB parts, " + concurrency
                        + " requests", size, seconds(start), 0, 0));
                empty(s3, ceiling);
            }
        }
        System.out.println("| run | MiB | seconds | MiB/s | bytes read (rchar) | bytes read from the device |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
        Files.delete(tarball);
        Files.deleteIfExists(MemberHashes.listOf(tarball));
    }

    /** Writes the result tarball: 9 large files of random content and 6 small text files, 2 GiB in all. */
    private static long writeResult(Path file) throws IOException {
        byte[] buffer = new byte[(int) (8 * MIB)];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new java.io.BufferedOutputStream(out, 1 << 20))) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            String dir = "./20210212/amd64/bullseye/";
            for (int i = 0; i < SMALL_FILES; i++) {
                byte[] small = ("rootfs metadata " + i + "\n").repeat(100 * (i + 1)).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(dir + "rootfs.meta" + i);
                entry.setSize(small.length);
                tar.putArchiveEntry(entry);
                tar.write(small);
                tar.closeArchiveEntry();
                total += small.length;
            }
            SplittableRandom random = new SplittableRandom(318);
            for (int i = 0; i < BIG_MIB.length; i++) {
                long size = BIG_MIB[i] * MIB;
                TarArchiveEntry entry = new TarArchiveEntry(dir + "rootfs.image" + i);
                entry.setSize(size);
                tar.putArchiveEntry(entry);
                for (long done = 0; done < size; done += buffer.length) {
                    random.nextBytes(buffer);
                    tar.write(buffer, 0, (int) Math.min(buffer.length, size - done));
                }
                tar.closeArchiveEntry();
                total += size;
            }
        }
        return total;
    }

    /** The server's ceiling: one object sent in 16 MiB parts from one buffer in memory, no disk involved. */
    private static void putFromMemory(S3Client s3, String bucket, long size, int concurrency) {
        byte[] part = new byte[(int) (16 * MIB)];
        new SplittableRandom(1).nextBytes(part);
        String key = "objects/ceiling";
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
            int count = (int) ((size + part.length - 1) / part.length);
            for (int i = 1; i <= count; i++) {
                int number = i;
                int length = (int) Math.min(part.length, size - (long) (i - 1) * part.length);
                parts.add(CompletableFuture.supplyAsync(() -> {
                    String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                            RequestBody.fromContentProvider(ContentStreamProvider.fromInputStreamSupplier(
                                    () -> new java.io.ByteArrayInputStream(part, 0, length)), length,
                                    "binary/octet-stream")).eTag();
                    return CompletedPart.builder().partNumber(number).eTag(etag).build();
                }, pool));
            }
            List<CompletedPart> done = parts.stream().map(CompletableFuture::join).toList();
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(done)));
        } finally {
            pool.shutdown();
        }
    }

    private static void empty(S3Client s3, String bucket) {
        BuildResultStore store = new BuildResultStore(s3, bucket, Reporter.silent());
        store.delete(store.list("").stream().map(S3Object::key).toList());
        s3.deleteBucket(b -> b.bucket(bucket));
    }

    /** rchar and read_bytes of this process. */
    private static long[] io() throws IOException {
        long rchar = 0;
        long readBytes = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            String[] kv = line.split(":");
            if (kv[0].equals("rchar")) {
                rchar = Long.parseLong(kv[1].strip());
            } else if (kv[0].equals("read_bytes")) {
                readBytes = Long.parseLong(kv[1].strip());
            }
        }
        return new long[] {rchar, readBytes};
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String row(String run, long size, double seconds, long rchar, long readBytes) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %s | %s |", run, size / MIB, seconds,
                size / (double) MIB / seconds, rchar == 0 && readBytes == 0 ? "—" : String.format("%,d", rchar),
                rchar == 0 && readBytes == 0 ? "—" : String.format("%,d", readBytes));
    }
}
