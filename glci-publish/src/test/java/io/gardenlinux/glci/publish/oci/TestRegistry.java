package io.gardenlinux.glci.publish.oci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;
import tools.jackson.databind.JsonNode;

/**
 * The shared test registry ({@code IT_OCI_REGISTRY}, e.g. {@code 127.0.0.1:5000}), read back with plain HTTP, and
 * test data. A test that cannot reach the registry fails.
 */
final class TestRegistry {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private TestRegistry() {
    }

    /** {@code IT_OCI_REGISTRY}, checked to answer. */
    static String address() {
        String address = System.getenv("IT_OCI_REGISTRY");
        if (address == null || address.isBlank()) {
            throw new AssertionError("IT_OCI_REGISTRY is not set: run the tests under bin/with-test-services, "
                    + "which starts the registry and sets it");
        }
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + "/v2/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new AssertionError("registry " + address + " answered /v2/ with " + response.statusCode());
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("registry IT_OCI_REGISTRY=" + address + " is not reachable: " + e, e);
        }
        return address;
    }

    /** A repository name of its own for one test, {@code <registry>/glci-test/<purpose>-<random>}. */
    static String uniqueRepository(String purpose) {
        return address() + "/glci-test/" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static byte[] get(String url, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    static JsonNode manifest(ImageReference reference) throws IOException, InterruptedException {
        return OciImage.JSON.readTree(get("http://" + reference.registry() + "/v2/" + reference.repository()
                + "/manifests/" + reference.manifestReference().orElseThrow(),
                RepositoryClient.OCI_MANIFEST + ", " + RepositoryClient.OCI_INDEX));
    }

    static byte[] blob(ImageReference repository, String digest) throws IOException, InterruptedException {
        return get("http://" + repository.registry() + "/v2/" + repository.repository() + "/blobs/" + digest, null);
    }

    /** A pseudo-random "tar" of {@code size} bytes (mixed compressible and random data), xz-compressed into a file. */
    static Path rootfsTarXz(Path dir, long seed, int size, byte[][] tarOut) throws IOException {
        byte[] tar = new byte[size];
        Random random = new Random(seed);
        for (int i = 0; i < size; i += 4096) {
            if ((i / 4096) % 2 == 0) {
                byte[] chunk = new byte[Math.min(4096, size - i)];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, tar, i, chunk.length);
            }
        }
        if (tarOut != null) {
            tarOut[0] = tar;
        }
        Path file = dir.resolve("rootfs-" + seed + ".tar.xz");
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (XZOutputStream out = new XZOutputStream(xz, new LZMA2Options(1))) {
            out.write(tar);
        }
        Files.write(file, xz.toByteArray());
        return file;
    }

    static String sha256(byte[] content) {
        return Digests.sha256(content);
    }

    static String sha256(InputStream in) throws IOException {
        var digest = Digests.newSha256();
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
