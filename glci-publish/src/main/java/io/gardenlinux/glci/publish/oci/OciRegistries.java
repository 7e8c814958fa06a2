package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.credentials.ContainerRegistryCredentials;
import io.gardenlinux.glci.model.credentials.Credentials;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import land.oras.Registry;
import land.oras.auth.AuthProvider;
import land.oras.auth.HttpClient;
import land.oras.auth.NoAuthProvider;
import land.oras.auth.UsernamePasswordProvider;

/**
 * The way into OCI registries: for an image reference, the {@code container_registry} credential whose
 * {@code image_reference_prefixes} match it best (longest prefix), or anonymous access when none does. Registries
 * are spoken to over HTTPS; plain HTTP is used only for a registry on this machine (loopback), as in tests.
 *
 * <pre>
 * try (OciRegistries registries = OciRegistries.of(credentials, reporter)) {
 *     RepositoryClient repository = registries.repository(ImageReference.parse("eu.gcr.io/project/gardenlinux"));
 * }
 * </pre>
 */
public final class OciRegistries implements AutoCloseable {

    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final Function<String, Optional<ContainerRegistryCredentials>> credentials;
    private final Reporter reporter;
    private final ExecutorService executor;
    private final RemoteCalls calls;
    private final Map<String, Clients> clients = new ConcurrentHashMap<>();

    private OciRegistries(Function<String, Optional<ContainerRegistryCredentials>> credentials, Reporter reporter) {
        this.credentials = credentials;
        this.reporter = reporter;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "glci-oci-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.calls = new RemoteCalls(executor, ATTEMPTS, FIRST_BACKOFF, reporter);
    }

    /** Registries reached with the {@code container_registry} entries of {@code credentials}. */
    public static OciRegistries of(Credentials credentials, Reporter reporter) {
        return new OciRegistries(credentials::containerRegistryFor, reporter);
    }

    /** Registries reached without credentials. */
    public static OciRegistries anonymous(Reporter reporter) {
        return new OciRegistries(reference -> Optional.empty(), reporter);
    }

    /** The repository of {@code reference} (its tag and digest are ignored). */
    public RepositoryClient repository(ImageReference reference) {
        Optional<ContainerRegistryCredentials> credential = credentials.apply(reference.toString());
        AuthProvider auth = credential
                .<AuthProvider>map(c -> new UsernamePasswordProvider(c.username(), c.password().reveal()))
                .orElseGet(NoAuthProvider::new);
        String access = credential.map(c -> "with container_registry credential '" + c.name() + "' (user '"
                        + c.username() + "')")
                .orElse("anonymously (no container_registry credential's image_reference_prefixes match)");
        boolean plainHttp = reference.isLoopback();
        reporter.debug("registry " + reference.registry() + " (" + (plainHttp ? "http" : "https") + "), "
                + reference.repository() + ": " + access);
        // one pair of clients (and so one connection pool) per registry and credential
        Clients clients = this.clients.computeIfAbsent(reference.registry() + " " + access, key -> new Clients(
                Registry.builder().withAuthProvider(auth).withInsecure(plainHttp).build(),
                HttpClient.Builder.builder().withTimeout((int) RepositoryClient.METADATA_TIMEOUT.toSeconds())
                        .build()));
        return new RepositoryClient(reference, clients.registry(), clients.http(), auth, plainHttp ? "http" : "https",
                access, calls);
    }

    private record Clients(Registry registry, HttpClient http) {
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
