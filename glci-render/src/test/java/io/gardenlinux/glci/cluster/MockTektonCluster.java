package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.gardenlinux.glci.cluster.SimulatedTekton.Step;
import io.gardenlinux.glci.cluster.SimulatedTekton.Task;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A cluster for the invoker ITs and the plugin's mojo tests: fabric8's mock API server in CRUD mode on 127.0.0.1 with
 * the Tekton kinds and the namespace {@code gardenlinux}, the simulated Tekton controller running every started
 * PipelineRun (tasks {@code build-baseimage}, {@code kvm-amd64} and {@code promote-gardenlinux-task}) to its end, and
 * a kubeconfig that points at it. The ITs' hook scripts start it before the build and close it after.
 */
public final class MockTektonCluster implements AutoCloseable {

    /** The mock server logs every request (java.util.logging, held here so that the level stays); warnings only. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    /** The namespace the cluster has and the kubeconfig's context names. */
    public static final String NAMESPACE = MockCluster.NAMESPACE;

    /** What the simulated controller makes of every PipelineRun. */
    public enum Runs {
        /** Every task succeeds. */
        SUCCEED,
        /** The build step of {@code kvm-amd64} exits with 2 after a long log; the run fails. */
        FAIL,
        /** {@code kvm-amd64} keeps running until the run is cancelled. */
        HOLD
    }

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;
    private final SimulatedTekton tekton;
    private final TektonApi api;
    private final Path kubeconfig;

    private MockTektonCluster(KubernetesMockServer server, NamespacedKubernetesClient client, SimulatedTekton tekton,
            TektonApi api, Path kubeconfig) {
        this.server = server;
        this.client = client;
        this.tekton = tekton;
        this.api = api;
        this.kubeconfig = kubeconfig;
    }

    /** Starts the cluster, every run succeeding, and writes {@code <dir>/kubeconfig} (context {@code mock}). */
    public static MockTektonCluster start(Path dir, String tektonApi) throws IOException {
        return start(dir, tektonApi, false);
    }

    /**
     * Starts the cluster and writes {@code <dir>/kubeconfig} (context {@code mock}); with {@code failing}, the
     * build step of the flavour task of every run exits with 2 after a long log.
     */
    public static MockTektonCluster start(Path dir, String tektonApi, boolean failing) throws IOException {
        return start(dir, tektonApi, failing ? Runs.FAIL : Runs.SUCCEED);
    }

    /** Starts the cluster, its runs going as {@code runs} says, and writes {@code <dir>/kubeconfig}. */
    public static MockTektonCluster start(Path dir, String tektonApi, Runs runs) throws IOException {
        // the controller adds log expectations from several threads while the server answers from the map
        Map<ServerRequest, Queue<ServerResponse>> responses = new ConcurrentHashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), true);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        NamespacedKubernetesClient client = server.createClient(new PatientClient());
        TektonApi api = TektonApi.of(tektonApi);
        MockCluster.installTekton(server, client, api);
        SimulatedTekton tekton = new SimulatedTekton(server, client, api, MockCluster.NAMESPACE);
        Task flavour = Task.of("kvm-amd64", new Step("prebuild", 0, "not built yet\n"), runs == Runs.FAIL
                ? new Step("build", 2, "make[1]: building kvm-amd64\n".repeat(150)
                        + "E: Unable to locate package linux-image-cloud-amd64\n")
                : new Step("build", 0, "image built\n"));
        tekton.plan(Task.of("build-baseimage", new Step("build", 0, "base images built\n")),
                runs == Runs.HOLD ? flavour.held() : flavour,
                Task.of("promote-gardenlinux-task", new Step("finalise", 0, "manifest set written\n")));
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n"
                + "    server: https://127.0.0.1:" + server.getPort() + "\n    insecure-skip-tls-verify: true\n"
                + "users:\n- name: glci\n  user:\n    token: mock-token\ncontexts:\n- name: mock\n  context:\n"
                + "    cluster: mock\n    user: glci\n    namespace: gardenlinux\ncurrent-context: mock\n");
        return new MockTektonCluster(server, client, tekton, api, kubeconfig);
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A client of the API server, to look at what it holds and to add to it. */
    public NamespacedKubernetesClient client() {
        return client;
    }

    /** Creates a PipelineRun of {@code pipeline}, as glci starts one; the controller runs it. */
    public void startRun(String name, String pipeline) {
        client.genericKubernetesResources(api.pipelineRuns()).inNamespace(NAMESPACE)
                .resource(SimulatedTekton.pipelineRun(api, name, pipeline)).create();
    }

    /** The PipelineRun as the API server holds it. */
    public GenericKubernetesResource run(String name) {
        return client.genericKubernetesResources(api.pipelineRuns()).inNamespace(NAMESPACE).withName(name).get();
    }

    /** Waits (on a watch) until the run's {@code Succeeded} condition is {@code True} or {@code False}. */
    public GenericKubernetesResource awaitDone(String name, Duration limit) {
        return awaitRun(name, limit, r -> TektonStatus.pipelineRun(r).conditions().stream()
                .anyMatch(c -> "Succeeded".equals(c.type()) && !"Unknown".equals(c.status())));
    }

    /** Waits (on a watch) until the run's status lists a TaskRun of the pipeline task {@code task}. */
    public GenericKubernetesResource awaitTaskStarted(String name, String task, Duration limit) {
        return awaitRun(name, limit, r -> {
            TektonStatus.PipelineRunStatus status = TektonStatus.pipelineRun(r);
            return status.childReferences().stream().anyMatch(c -> task.equals(c.pipelineTaskName()))
                    || status.taskRuns().values().stream().anyMatch(t -> task.equals(t.pipelineTaskName()));
        });
    }

    private GenericKubernetesResource awaitRun(String name, Duration limit,
            Predicate<GenericKubernetesResource> condition) {
        return client.genericKubernetesResources(api.pipelineRuns()).inNamespace(NAMESPACE).withName(name)
                .waitUntilCondition(r -> r != null && condition.test(r), limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The names of the objects of a kind ({@code Task}, {@code Pipeline}, {@code PipelineRun}, {@code Secret}). */
    public List<String> names(String kind) {
        if (kind.equals("Secret")) {
            return client.secrets().inNamespace(MockCluster.NAMESPACE).list().getItems().stream()
                    .map(s -> s.getMetadata().getName()).sorted().toList();
        }
        return client.genericKubernetesResources(TektonApi.V1.apiVersion(), kind).inNamespace(MockCluster.NAMESPACE)
                .list().getItems().stream().map(r -> r.getMetadata().getName()).sorted().toList();
    }

    @Override
    public void close() {
        tekton.close();
        client.close();
        server.destroy();
    }
}
