package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * A cluster for the invoker ITs: fabric8's mock API server in CRUD mode on 127.0.0.1 with the Tekton kinds and the
 * namespace {@code gardenlinux}, the simulated Tekton controller running every started PipelineRun to success, and a
 * kubeconfig that points at it. The ITs' hook scripts start it before the build and close it after.
 */
public final class MockTektonCluster implements AutoCloseable {

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;
    private final SimulatedTekton tekton;
    private final Path kubeconfig;

    private MockTektonCluster(KubernetesMockServer server, NamespacedKubernetesClient client, SimulatedTekton tekton,
            Path kubeconfig) {
        this.server = server;
        this.client = client;
        this.tekton = tekton;
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
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), true);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        NamespacedKubernetesClient client = server.createClient(new PatientClient());
        TektonApi api = TektonApi.of(tektonApi);
        MockCluster.installTekton(server, client, api);
        SimulatedTekton tekton = new SimulatedTekton(server, client, api, MockCluster.NAMESPACE);
        tekton.plan(Task.of("build-baseimage", new Step("build", 0, "base images built\n")),
                Task.of("kvm-amd64", new Step("prebuild", 0, "not built yet\n"), failing
                        ? new Step("build", 2, "make[1]: building kvm-amd64\n".repeat(150)
                                + "E: Unable to locate package linux-image-cloud-amd64\n")
                        : new Step("build", 0, "image built\n")),
                Task.of("promote-gardenlinux-task", new Step("finalise", 0, "manifest set written\n")));
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n"
                + "    server: https://127.0.0.1:" + server.getPort() + "\n    insecure-skip-tls-verify: true\n"
                + "users:\n- name: glci\n  user:\n    token: mock-token\ncontexts:\n- name: mock\n  context:\n"
                + "    cluster: mock\n    user: glci\n    namespace: gardenlinux\ncurrent-context: mock\n");
        return new MockTektonCluster(server, client, tekton, kubeconfig);
    }

    public Path kubeconfig() {
        return kubeconfig;
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
