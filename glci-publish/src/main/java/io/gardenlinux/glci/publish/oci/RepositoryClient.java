package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.GlciException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import land.oras.ContainerRef;
import land.oras.Registry;
import land.oras.auth.AuthProvider;
import land.oras.auth.HttpClient;
import land.oras.auth.Scopes;
import land.oras.exception.OrasException;

/**
 * One repository of one registry, reached with the credentials {@link OciRegistries} chose for it. Manifests are
 * read and written as raw bytes (so that digests are exact and an index can be updated conditionally); blobs go
 * through the ORAS client, which streams them and skips those the registry already has. Every call has a deadline
 * and transient failures are retried (see {@link RemoteCalls}).
 */
public final class RepositoryClient {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    private static final String ACCEPT = String.join(", ", OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST,
            DOCKER_MANIFEST_LIST);

    /** How long a manifest or metadata call may take. */
    static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);
    /** The least time a blob upload may take, and the slowest rate a longer one is allowed (1 MiB/s). */
    static final Duration MIN_UPLOAD_TIMEOUT = Duration.ofMinutes(10);
    private static final long SLOWEST_BYTES_PER_SECOND = 1 << 20;

    /** A manifest as stored: its bytes, media type and digest. */
    public record StoredManifest(byte[] content, String mediaType, String digest) {
        public StoredManifest {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /** A manifest's descriptor, from a HEAD request. */
    public record ManifestHead(String digest, String mediaType, long size) {
    }

    /** The registry answered a conditional write with 412: the manifest changed since it was read. */
    static final class ManifestChangedException extends GlciException {
        private static final long serialVersionUID = 1L;

        ManifestChangedException(String message) {
            super(message);
        }
    }

    private final ImageReference repository;
    private final Registry registry;
    private final HttpClient http;
    private final AuthProvider auth;
    private final String scheme;
    private final String access;
    private final RemoteCalls calls;

    RepositoryClient(ImageReference repository, Registry registry, HttpClient http, AuthProvider auth, String scheme,
            String access, RemoteCalls calls) {
        this.repository = new ImageReference(repository.registry(), repository.repository(), null, null);
        this.registry = registry;
        this.http = http;
        this.auth = auth;
        this.scheme = scheme;
        this.access = access;
        this.calls = calls;
    }

    /** The repository, without tag or digest. */
    public ImageReference repository() {
        return repository;
    }

    /** The manifest (image, list or index) stored under a tag or digest, if there is one. */
    public Optional<StoredManifest> manifest(String reference) {
        HttpClient.ResponseWrapper<String> response = call("read manifest", reference, METADATA_TIMEOUT,
                () -> http.get(manifestUri(reference), Map.of("Accept", ACCEPT), scopes(), auth));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        requireSuccess("read manifest", reference, response);
        byte[] content = response.response().getBytes(StandardCharsets.UTF_8);
        String digest = Digests.sha256(content);
        Optional<String> announced = header(response, "Docker-Content-Digest");
        if (announced.isPresent() && !announced.get().equals(digest)) {
            throw new GlciException("manifest " + describe(reference) + ": the registry announced digest "
                    + announced.get() + " but the content has " + digest);
        }
        return Optional.of(new StoredManifest(content, mediaType(response), digest));
    }

    /** The descriptor of the manifest under a tag or digest, if there is one, without reading it. */
    public Optional<ManifestHead> head(String reference) {
        HttpClient.ResponseWrapper<String> response = call("look up manifest", reference, METADATA_TIMEOUT,
                () -> http.head(manifestUri(reference), Map.of("Accept", ACCEPT), scopes(), auth));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        requireSuccess("look up manifest", reference, response);
        Optional<String> digest = header(response, "Docker-Content-Digest");
        if (digest.isEmpty()) {
            return manifest(reference).map(m -> new ManifestHead(m.digest(), m.mediaType(), m.content().length));
        }
        long size = header(response, "Content-Length").map(Long::parseLong).orElse(-1L);
        return Optional.of(new ManifestHead(digest.get(), mediaType(response), size));
    }

    /**
     * Stores a manifest under {@code tag}; with {@code expectedDigest} only if the tag still holds that digest
     * (sent as {@code If-Match}; a registry that does not support conditional writes ignores it, which is why
     * {@link MultiArchitectureIndex} also reads back what it wrote). Returns the manifest's digest.
     */
    public String putManifest(String tag, String mediaType, byte[] content, Optional<String> expectedDigest) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", mediaType);
        expectedDigest.ifPresent(d -> headers.put("If-Match", "\"" + d + "\""));
        HttpClient.ResponseWrapper<String> response = call("write manifest", tag, METADATA_TIMEOUT,
                () -> http.put(manifestUri(tag), content, headers, scopes(), auth));
        if (response.statusCode() == 412) {
            throw new ManifestChangedException("manifest " + describe(tag) + " changed since it was read");
        }
        requireSuccess("write manifest", tag, response);
        return Digests.sha256(content);
    }

    /** Whether the registry holds the blob. */
    public boolean hasBlob(String digest) {
        HttpClient.ResponseWrapper<String> response = call("look up blob", digest, METADATA_TIMEOUT,
                () -> http.head(blobUri(digest), Map.of(), scopes(), auth));
        if (response.statusCode() == 404) {
            return false;
        }
        requireSuccess("look up blob", digest, response);
        return true;
    }

    /**
     * Uploads a blob of known digest and size, streamed from {@code content} (opened again for a retry). Returns
     * {@code false} when the registry already had it and nothing was sent.
     */
    public boolean pushBlob(String digest, long size, Supplier<InputStream> content) {
        if (hasBlob(digest)) {
            return false;
        }
        ContainerRef target = containerRef().withDigest(digest);
        Duration timeout = MIN_UPLOAD_TIMEOUT.compareTo(Duration.ofSeconds(size / SLOWEST_BYTES_PER_SECOND)) >= 0
                ? MIN_UPLOAD_TIMEOUT : Duration.ofSeconds(size / SLOWEST_BYTES_PER_SECOND);
        callRaw("upload blob", digest, timeout, () -> registry.pushBlob(target, size, content, Map.of()));
        return true;
    }

    private HttpClient.ResponseWrapper<String> call(String what, String reference, Duration timeout,
            Callable<HttpClient.ResponseWrapper<String>> call) {
        return callRaw(what, reference, timeout, () -> {
            HttpClient.ResponseWrapper<String> response = call.call();
            if (RemoteCalls.isTransient(response.statusCode())) {
                throw new RemoteCalls.TransientStatusException(response.statusCode(), response.response());
            }
            return response;
        });
    }

    private <T> T callRaw(String what, String reference, Duration timeout, Callable<T> call) {
        try {
            return calls.call(what + " " + describe(reference), timeout, call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GlciException(what + " " + describe(reference) + ": interrupted", e);
        } catch (OrasException e) {
            int status = e.getStatusCode();
            if (status == 401 || status == 403) {
                throw denied(what, reference, status);
            }
            throw failure(what, reference, e);
        } catch (GlciException e) {
            throw e;
        } catch (Exception e) {
            throw failure(what, reference, e);
        }
    }

    private void requireSuccess(String what, String reference, HttpClient.ResponseWrapper<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw denied(what, reference, status);
        }
        if (status >= 400) {
            String body = response.response() == null ? "" : response.response().strip();
            throw new GlciException(what + " " + describe(reference) + ": HTTP " + status
                    + (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body)));
        }
    }

    private GlciException denied(String what, String reference, int status) {
        return new GlciException(what + " " + describe(reference) + ": the registry refused access (HTTP " + status
                + ") " + access + "; a container_registry credential whose image_reference_prefixes match '"
                + repository.repositoryName() + "' must allow this");
    }

    private GlciException failure(String what, String reference, Exception e) {
        String where = RemoteCalls.causedByIo(e) ? "cannot reach " + scheme + "://" + repository.apiHost() + ": " : "";
        return new GlciException(what + " " + describe(reference) + ": " + where + RemoteCalls.reason(e), e);
    }

    private String describe(String reference) {
        return repository.repositoryName() + (reference.startsWith("sha256:") ? "@" : ":") + reference;
    }

    private URI manifestUri(String reference) {
        return URI.create(scheme + "://" + repository.apiHost() + "/v2/" + repository.repository() + "/manifests/"
                + reference);
    }

    private URI blobUri(String digest) {
        return URI.create(scheme + "://" + repository.apiHost() + "/v2/" + repository.repository() + "/blobs/"
                + digest);
    }

    private ContainerRef containerRef() {
        return ContainerRef.parse(repository.registry() + "/" + repository.repository());
    }

    private Scopes scopes() {
        return Scopes.of(containerRef());
    }

    private static String mediaType(HttpClient.ResponseWrapper<String> response) {
        return header(response, "Content-Type").map(t -> t.contains(";") ? t.substring(0, t.indexOf(';')) : t)
                .map(String::strip).orElse("");
    }

    private static Optional<String> header(HttpClient.ResponseWrapper<String> response, String name) {
        return response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }
}
