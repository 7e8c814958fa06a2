package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.manifests.BuildTimestamp;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.model.manifests.ManifestYaml;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import io.gardenlinux.glci.model.manifests.ReleaseManifest;
import io.gardenlinux.glci.model.manifests.S3ReleaseFile;
import io.gardenlinux.glci.publish.store.MemberHashes.Hashed;
import io.gardenlinux.glci.publish.store.ResultTarball.Member;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * {@code upload-results}: stores every regular file of a build result tarball as {@code objects/<sha1>} and then the
 * single manifest that names them.
 *
 * <ul>
 * <li>An object that is already stored whole (same key, same size) is not sent again, so a rerun after a crash
 * sends only what is missing; two members with the same content are sent once.</li>
 * <li>Small files go in one request, large ones in parts; up to {@link UploadTuning#concurrency()} requests run at
 * once, across files. Each request carries a checksum the server verifies (SHA-1 for whole files, CRC32 for parts),
 * and glci checks each file's SHA-1 again while sending it, so that an object's content always matches its key.</li>
 * <li>The manifest is written last, only after every object it names is stored: a crash never leaves a manifest
 * pointing at nothing.</li>
 * </ul>
 */
public final class ResultUploader {

    private final BuildResultStore store;
    private final UploadTuning tuning;
    private final Clock clock;

    public ResultUploader(BuildResultStore store, UploadTuning tuning, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Uploads {@code resultFile} as the build of {@code identifier} and writes its manifest to {@code manifestKey}
     * ({@code meta/singles/<suffix>}, overwriting one that is there).
     */
    public UploadReport upload(Path resultFile, ReleaseIdentifier identifier, String manifestKey) {
        Reporter reporter = store.reporter();
        List<Hashed> members = hash(resultFile, reporter);
        if (members.isEmpty()) {
            throw new GlciException(resultFile + ": the build result holds no regular file; expected a tarball with"
                    + " the rootfs files of the build");
        }
        Map<String, Hashed> unique = new LinkedHashMap<>();
        members.forEach(m -> unique.putIfAbsent(m.sha1(), m));

        ExecutorService pool = Executors.newFixedThreadPool(tuning.concurrency(), r -> {
            Thread thread = new Thread(r, "glci-upload");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Set<String> missing = missing(unique.values(), pool);
            long toSend = unique.values().stream().filter(m -> missing.contains(m.sha1()))
                    .mapToLong(m -> m.member().size()).sum();
            reporter.info(resultFile + ": " + members.size() + " files, " + unique.size() + " distinct; "
                    + (unique.size() - missing.size()) + " already stored, " + missing.size() + " to upload ("
                    + toSend + " bytes)");
            long sent = send(resultFile, members, missing, toSend, pool);

            String bucket = store.bucket();
            List<S3ReleaseFile> paths = members.stream()
                    .map(m -> new S3ReleaseFile(
                            ManifestKeys.releaseFileName(identifier.gardenlinuxEpoch(), identifier.buildCommittish(),
                                    m.member().path()),
                            m.member().baseName(), ManifestKeys.objectKey(m.sha1()), bucket))
                    .toList();
            ReleaseManifest manifest = new ReleaseManifest(identifier, BuildTimestamp.now(clock), paths);
            String yaml = ManifestYaml.write(manifest);
            store.putManifest(manifestKey, yaml);
            reporter.info("uploaded manifest: manifest_path=" + manifestKey);
            reporter.info(yaml);
            return new UploadReport(manifestKey, manifest, missing.size(), unique.size() - missing.size(), sent);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The first pass: the SHA-1 of every regular file, in tarball order; taken from the list a former run kept
     * beside the unchanged tarball when there is one.
     */
    private static List<Hashed> hash(Path resultFile, Reporter reporter) {
        Optional<List<Hashed>> known = MemberHashes.read(resultFile);
        if (known.isPresent()) {
            reporter.info(resultFile + ": unchanged since it was hashed; using " + MemberHashes.listOf(resultFile));
            return known.get();
        }
        // the tarball as it is before it is read: a change while it is hashed makes the kept list not count
        Optional<String> identity = MemberHashes.identity(resultFile);
        List<Hashed> hashed = new ArrayList<>();
        String operation = "hash " + resultFile.getFileName();
        AtomicLong done = new AtomicLong();
        try (ResultTarball tar = ResultTarball.open(resultFile)) {
            // progress against the tarball's size; a compressed one holds more than that, so it shows none
            long total = tar.compressed() ? 0 : size(resultFile);
            Optional<Member> member;
            while ((member = tar.next()).isPresent()) {
                MessageDigest sha1 = sha1();
                tar.readAll((buffer, length) -> {
                    sha1.update(buffer, 0, length);
                    long sum = done.addAndGet(length);
                    if (total > 0) {
                        reporter.progress(operation, Math.min(sum, total), total);
                    }
                });
                hashed.add(new Hashed(member.get(), HexFormat.of().formatHex(sha1.digest())));
            }
        }
        identity.ifPresent(before -> MemberHashes.write(resultFile, before, hashed, reporter));
        return hashed;
    }

    /** The distinct contents that are not stored whole: no object under their key, or one of another size. */
    private Set<String> missing(Iterable<Hashed> unique, ExecutorService pool) {
        Set<String> missing = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> lookups = new ArrayList<>();
        for (Hashed m : unique) {
            lookups.add(CompletableFuture.runAsync(() -> {
                var head = store.head(ManifestKeys.objectKey(m.sha1()));
                if (head.isEmpty() || head.get().contentLength() == null
                        || head.get().contentLength() != m.member().size()) {
                    missing.add(m.sha1());
                }
            }, pool));
        }
        join(lookups);
        return missing;
    }

    /** The second pass: sends the missing contents, each once. Returns the content bytes sent. */
    private long send(Path resultFile, List<Hashed> members, Set<String> missing, long total, ExecutorService pool) {
        if (missing.isEmpty()) {
            return 0;
        }
        Set<String> pending = ConcurrentHashMap.newKeySet();
        pending.addAll(missing);
        Semaphore inFlight = new Semaphore(tuning.concurrency());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong sent = new AtomicLong();
        String operation = "upload " + resultFile.getFileName();
        Progress progress = bytes -> store.reporter().progress(operation, sent.addAndGet(bytes), total);
        List<CompletableFuture<?>> uploads = new ArrayList<>();
        List<MultipartUpload> multiparts = new ArrayList<>();
        try (ResultTarball tar = ResultTarball.open(resultFile)) {
            readAndSend(resultFile, tar, members, pending, inFlight, failure, progress, uploads, multiparts, pool);
        } catch (RuntimeException e) {
            // a corrupt member or a changed file: let the requests in flight end, then leave no parts behind
            awaitQuietly(uploads);
            multiparts.forEach(MultipartUpload::abortUnlessCompleted);
            throw e;
        }
        // every request ends (or fails after its retries) before the outcome is decided, so that aborting a
        // multipart upload cannot race with its last parts
        awaitQuietly(uploads);
        Throwable first = failure.get();
        if (first != null) {
            multiparts.forEach(MultipartUpload::abortUnlessCompleted);
            throw asGlci(first);
        }
        return sent.get();
    }

    private void readAndSend(Path resultFile, ResultTarball tar, List<Hashed> members, Set<String> pending,
            Semaphore inFlight, AtomicReference<Throwable> failure, Progress progress,
            List<CompletableFuture<?>> uploads, List<MultipartUpload> multiparts, ExecutorService pool) {
        int index = 0;
        Optional<Member> next;
        while ((next = tar.next()).isPresent() && failure.get() == null) {
            Hashed m = members.get(index++);
            if (!m.member().equals(next.get())) {
                throw new GlciException(resultFile + ": changed while it was uploaded (member " + index
                        + " is now " + next.get().path() + ", was " + m.member().path() + ")");
            }
            if (!pending.remove(m.sha1())) {
                continue;
            }
            if (m.member().size() < tuning.multipartThreshold()) {
                acquire(inFlight);
                byte[] content = tar.read((int) m.member().size());
                verify(resultFile, m, sha1Of(content));
                uploads.add(CompletableFuture.runAsync(() -> {
                    try {
                        putWhole(m, content);
                        progress.sent(content.length);
                    } finally {
                        inFlight.release();
                    }
                }, pool).whenComplete((v, e) -> recordFailure(failure, e)));
            } else {
                MultipartUpload upload = new MultipartUpload(store, ManifestKeys.objectKey(m.sha1()), pool);
                multiparts.add(upload);
                sendParts(resultFile, tar, m, upload, inFlight, failure, progress, uploads, pool);
            }
        }
    }

    private static void awaitQuietly(List<CompletableFuture<?>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // the first failure is reported by the caller
        }
    }

    /** Reads the parts of a large member and sends them in parallel, then completes the upload. */
    private void sendParts(Path resultFile, ResultTarball tar, Hashed m, MultipartUpload upload, Semaphore inFlight,
            AtomicReference<Throwable> failure, Progress progress, List<CompletableFuture<?>> uploads,
            ExecutorService pool) {
        MessageDigest sha1 = sha1();
        List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
        long remaining = m.member().size();
        int partNumber = 0;
        while (remaining > 0 && failure.get() == null) {
            int length = (int) Math.min(tuning.partSize(), remaining);
            acquire(inFlight);
            byte[] content = tar.read(length);
            sha1.update(content);
            remaining -= length;
            int number = ++partNumber;
            CompletableFuture<CompletedPart> part = CompletableFuture.supplyAsync(() -> {
                try {
                    CompletedPart completed = upload.sendPart(number, content);
                    progress.sent(content.length);
                    return completed;
                } finally {
                    inFlight.release();
                }
            }, pool);
            part.whenComplete((v, e) -> recordFailure(failure, e));
            parts.add(part);
        }
        CompletableFuture<Void> allParts = CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
        uploads.add(allParts);
        if (failure.get() != null) {
            return;
        }
        verify(resultFile, m, HexFormat.of().formatHex(sha1.digest()));
        uploads.add(allParts.thenRunAsync(() -> {
            upload.complete(parts.stream().map(CompletableFuture::join).toList());
            store.reporter().info("upload succeeded: " + upload.key());
        }, pool).whenComplete((v, e) -> recordFailure(failure, e)));
    }

    private void putWhole(Hashed m, byte[] content) {
        String key = ManifestKeys.objectKey(m.sha1());
        String sha1Base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(m.sha1()));
        try {
            store.client().putObject(b -> b.bucket(store.bucket()).key(key).checksumSHA1(sha1Base64),
                    RequestBody.fromContentProvider(ContentStreamProvider.fromByteArrayUnsafe(content),
                            content.length, "binary/octet-stream"));
        } catch (SdkException e) {
            throw store.failure("upload", key, e);
        }
        store.reporter().info("upload succeeded: " + key);
    }

    /** A large object being sent in parts; aborted when the upload fails, so that no parts linger. */
    static final class MultipartUpload {
        private final BuildResultStore store;
        private final String key;
        private final AtomicReference<String> uploadId = new AtomicReference<>();
        private volatile boolean completed;

        /**
         * Starts the upload on a thread of {@code pool}, like every other request, so that no more requests are in
         * flight than the pool has threads.
         */
        MultipartUpload(BuildResultStore store, String key, ExecutorService pool) {
            this.store = store;
            this.key = key;
            try {
                uploadId.set(CompletableFuture.supplyAsync(() -> {
                    try {
                        return store.client().createMultipartUpload(b -> b.bucket(store.bucket()).key(key)
                                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
                    } catch (SdkException e) {
                        throw store.failure("start the upload of", key, e);
                    }
                }, pool).join());
            } catch (CompletionException e) {
                throw asGlci(e);
            }
        }

        String key() {
            return key;
        }

        CompletedPart sendPart(int number, byte[] content) {
            try {
                UploadPartResponse response = store.client().uploadPart(b -> b.bucket(store.bucket()).key(key)
                        .uploadId(uploadId.get()).partNumber(number).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                        RequestBody.fromContentProvider(ContentStreamProvider.fromByteArrayUnsafe(content),
                                content.length, "binary/octet-stream"));
                return CompletedPart.builder().partNumber(number).eTag(response.eTag())
                        .checksumCRC32(response.checksumCRC32()).build();
            } catch (SdkException e) {
                throw store.failure("upload part " + number + " of", key, e);
            }
        }

        void complete(List<CompletedPart> parts) {
            try {
                store.client().completeMultipartUpload(b -> b.bucket(store.bucket()).key(key).uploadId(uploadId.get())
                        .multipartUpload(u -> u.parts(parts)));
                completed = true;
            } catch (SdkException e) {
                throw store.failure("complete the upload of", key, e);
            }
        }

        void abortUnlessCompleted() {
            if (completed) {
                return;
            }
            try {
                store.client().abortMultipartUpload(b -> b.bucket(store.bucket()).key(key).uploadId(uploadId.get()));
            } catch (SdkException e) {
                store.reporter().warn("s3://" + store.bucket() + "/" + key + ": could not abort the unfinished"
                        + " multipart upload " + uploadId.get() + ": " + e.getMessage());
            }
        }
    }

    /** Counts sent bytes for the progress report. */
    private interface Progress {
        void sent(long bytes);
    }

    private static void verify(Path resultFile, Hashed m, String sha1) {
        if (!sha1.equals(m.sha1())) {
            throw new GlciException(resultFile + ": member " + m.member().path() + " changed while it was uploaded"
                    + " (SHA-1 " + m.sha1() + " when hashed, " + sha1 + " when sent); nothing of it was stored");
        }
    }

    private static void recordFailure(AtomicReference<Throwable> failure, Throwable e) {
        if (e != null) {
            failure.compareAndSet(null, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    private static void acquire(Semaphore semaphore) {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GlciException("the upload was interrupted", e);
        }
    }

    private static void join(List<? extends CompletableFuture<?>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw asGlci(e.getCause() == null ? e : e.getCause());
        }
    }

    private static GlciException asGlci(Throwable e) {
        if (e instanceof CompletionException && e.getCause() != null) {
            return asGlci(e.getCause());
        }
        return e instanceof GlciException g ? g : new GlciException("the upload failed: " + e, e);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new GlciException(file + ": cannot read its size: " + e.getMessage(), e);
        }
    }

    static String sha1Of(byte[] content) {
        MessageDigest sha1 = sha1();
        sha1.update(content);
        return HexFormat.of().formatHex(sha1.digest());
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
