package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.flavours.Architecture;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The harness behind {@code bin/benchmark-oci-push} (not a test: it prints numbers, it asserts nothing).
 *
 * <pre>
 * publish     ROOTFS_TAR_XZ REPOSITORY      rootfs.tar.xz to gzip layer to registry, as publish-oci does
 * layout      ROOTFS_TAR_XZ DIR             the same image as an OCI image layout (for skopeo), tag "bench"
 * push-layout DIR REPOSITORY:TAG            push the ready blobs and manifest of the layout (what skopeo copy does)
 * </pre>
 * Every mode prints the wall times and the peak heap in use (sampled every 5 ms) as {@code key=value}.
 */
public final class OciPushBenchmark {

    private OciPushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Thread sampler = new Thread(OciPushBenchmark::sampleHeap, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Reporter quiet = Reporter.silent();
        long start = System.nanoTime();
        Map<String, Object> out = new LinkedHashMap<>();
        switch (args[0]) {
            case "publish" -> {
                long[] layerBuilt = new long[1];
                Reporter timing = new Reporter() {
                    @Override
                    public void debug(String message) {
                    }

                    @Override
                    public void info(String message) {
                        if (message.startsWith("pushing ") && layerBuilt[0] == 0) {
                            layerBuilt[0] = System.nanoTime();
                        }
                    }

                    @Override
                    public void warn(String message) {
                    }
                };
                try (OciRegistries registries = OciRegistries.anonymous(quiet)) {
                    Path work = Files.createTempDirectory("glci-bench-");
                    OciPublisher.Publication publication = new OciPublisher(registries, work, timing).publish(
                            new OciPublisher.Request(args[2], "318.9", "oci-base-318.9-c03ea4", Architecture.AMD64,
                                    RootfsSource.ofFile(Path.of(args[1]))));
                    out.put("first_publish_s", seconds(start));
                    out.put("of_which_layer_build_s", String.format("%.2f", (layerBuilt[0] - start) / 1e9));
                    out.put("blobs_uploaded", publication.blobsUploaded());
                    long again = System.nanoTime();
                    OciPublisher.Publication second = new OciPublisher(registries, work, quiet).publish(
                            new OciPublisher.Request(args[2], "318.9", "oci-base-318.9-c03ea4", Architecture.AMD64,
                                    RootfsSource.ofFile(Path.of(args[1]))));
                    out.put("second_publish_s", seconds(again));
                    out.put("second_blobs_uploaded", second.blobsUploaded());
                    out.put("image", publication.image() + "@" + publication.imageDigest());
                }
            }
            case "layout" -> {
                Path dir = Path.of(args[2]);
                Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
                RootfsLayer layer = RootfsLayer.build(RootfsSource.ofFile(Path.of(args[1])), dir, quiet);
                out.put("layer_build_s", seconds(start));
                out.put("layer_bytes", layer.size());
                out.put("tar_bytes", layer.uncompressedSize());
                Files.move(layer.file(), blobs.resolve(hex(layer.digest())), StandardCopyOption.REPLACE_EXISTING);
                byte[] config = OciImage.config(Architecture.AMD64, layer.diffId(), Optional.empty(), "bench");
                Files.write(blobs.resolve(hex(Digests.sha256(config))), config);
                byte[] manifest = OciImage.manifest(
                        new OciImage.Descriptor(OciImage.CONFIG_MEDIA_TYPE, Digests.sha256(config), config.length),
                        new OciImage.Descriptor(OciImage.LAYER_MEDIA_TYPE, layer.digest(), layer.size()), Map.of());
                Files.write(blobs.resolve(hex(Digests.sha256(manifest))), manifest);
                Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
                Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
                        + RepositoryClient.OCI_MANIFEST + "\",\"digest\":\"" + Digests.sha256(manifest)
                        + "\",\"size\":" + manifest.length
                        + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"bench\"}}]}");
            }
            case "push-layout" -> {
                Path dir = Path.of(args[1]);
                ImageReference target = ImageReference.parse(args[2]);
                JsonNode index = OciImage.JSON.readTree(Files.readAllBytes(dir.resolve("index.json")));
                String manifestDigest = index.path("manifests").get(0).path("digest").asString();
                byte[] manifest = Files.readAllBytes(dir.resolve("blobs/sha256/" + hex(manifestDigest)));
                JsonNode parsed = OciImage.JSON.readTree(manifest);
                try (OciRegistries registries = OciRegistries.anonymous(quiet)) {
                    RepositoryClient repository = registries.repository(target);
                    int uploaded = 0;
                    for (JsonNode blob : new JsonNode[] {parsed.path("layers").get(0), parsed.path("config")}) {
                        Path file = dir.resolve("blobs/sha256/" + hex(blob.path("digest").asString()));
                        if (repository.pushBlob(blob.path("digest").asString(), blob.path("size").asLong(),
                                () -> open(file))) {
                            uploaded++;
                        }
                    }
                    repository.putManifest(target.tag(), RepositoryClient.OCI_MANIFEST, manifest, Optional.empty());
                    out.put("push_s", seconds(start));
                    out.put("blobs_uploaded", uploaded);
                }
            }
            default -> throw new IllegalArgumentException("mode: publish, layout or push-layout");
        }
        out.put("peak_heap_mib", peakHeapMib());
        out.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
        StringBuilder line = new StringBuilder();
        out.forEach((k, v) -> line.append(k).append('=').append(v).append(' '));
        System.out.write((line.toString().strip() + "\n").getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }

    private static java.io.InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String hex(String digest) {
        return digest.substring(Digests.SHA256_PREFIX.length());
    }

    private static String seconds(long since) {
        return String.format("%.2f", (System.nanoTime() - since) / 1e9);
    }

    private static volatile long peakHeapUsed;

    /** The heap in use (live and not yet collected), sampled every 5 ms: its maximum is the peak heap. */
    private static void sampleHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        while (true) {
            peakHeapUsed = Math.max(peakHeapUsed, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long peakHeapMib() {
        return Math.max(peakHeapUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()) >> 20;
    }
}
