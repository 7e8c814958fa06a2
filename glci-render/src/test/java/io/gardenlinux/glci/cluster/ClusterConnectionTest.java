package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true, kubernetesClientBuilderCustomizer = PatientClient.class)
class ClusterConnectionTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();

    private Path kubeconfig(String server, String... contexts) throws IOException {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n"
                + "    server: " + server + "\n    insecure-skip-tls-verify: true\nusers:\n- name: u\n  user:\n"
                + "    token: t0ken\ncontexts:\n");
        for (String context : contexts) {
            yaml.append("- name: ").append(context).append("\n  context:\n    cluster: c\n    user: u\n");
        }
        yaml.append("current-context: ").append(contexts[0]).append('\n');
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, yaml);
        return file;
    }

    private static ClusterOptions options(Path kubeconfig, String context) {
        return new ClusterOptions(Optional.of(kubeconfig), Optional.ofNullable(context), "gardenlinux", TektonApi.V1);
    }

    @Test
    void aContextThatIsNotInTheKubeconfig() throws IOException {
        Path file = kubeconfig(server.url("/"), "dev", "prod");
        assertThatThrownBy(() -> ClusterConnection.open(options(file, "staging")))
                .isInstanceOf(ClusterException.class)
                .hasMessage("context 'staging' is not in the kubeconfig (" + file + "); contexts there: dev, prod;"
                        + " choose one of them with setting 'context'");
    }

    @Test
    void aKubeconfigThatDoesNotExist() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> ClusterConnection.open(options(missing, null)))
                .hasMessage("kubeconfig " + missing + " does not exist; point setting 'kubeconfig' (or KUBECONFIG)"
                        + " at the cluster's kubeconfig file");
    }

    @Test
    void anUnreachableCluster() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path file = kubeconfig("https://127.0.0.1:" + closedPort, "dev");
        try (ClusterConnection connection = ClusterConnection.open(options(file, null))) {
            assertThatThrownBy(() -> connection.verify(reporter))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageStartingWith("reading namespace gardenlinux: cannot reach the Kubernetes API of cluster"
                            + " https://127.0.0.1:" + closedPort + "/ (context dev), namespace gardenlinux (")
                    .hasMessageEndingWith("); check that the cluster runs and that KUBECONFIG or setting 'context' point"
                            + " to it");
        }
    }

    @Test
    void theChosenContextIsUsed() throws IOException {
        MockCluster.installTekton(server, client, TektonApi.V1);
        Path file = kubeconfig(server.url("/"), "dev", "prod");
        try (ClusterConnection connection = ClusterConnection.open(options(file, "prod"))) {
            connection.verify(reporter);
            assertThat(connection.where()).endsWith("(context prod), namespace gardenlinux");
        }
        assertThat(reporter.lines()).anyMatch(l -> l.startsWith("INFO Using cluster ")
                && l.endsWith("(context prod), namespace gardenlinux, Tekton tekton.dev/v1"));
    }

    @Test
    void aMissingNamespace() {
        MockCluster.installTekton(server, client, TektonApi.V1);
        ClusterConnection connection = ClusterConnection.of(client, "elsewhere", TektonApi.V1);
        assertThatThrownBy(() -> connection.verify(reporter))
                .hasMessageStartingWith("namespace 'elsewhere' does not exist in cluster ")
                .hasMessageEndingWith("; create it with goal 'setup' (or kubectl create namespace elsewhere) or"
                        + " choose another with setting 'namespace' (GARDENLINUX_TKN_WS)");
    }

    @Test
    void aClusterWithoutTekton() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("gardenlinux").endMetadata()
                .build()).create();
        ClusterConnection connection = ClusterConnection.of(client, "gardenlinux", TektonApi.V1);
        assertThatThrownBy(() -> connection.verify(reporter))
                .hasMessageEndingWith("does not serve Tekton tekton.dev/v1 PipelineRuns: the Tekton CRDs are missing;"
                        + " install Tekton Pipelines, or use setting 'tektonApi'=v1beta1 if the cluster runs that"
                        + " version");
    }

    @Test
    void onlyTheOtherTektonVersion() {
        MockCluster.installTekton(server, client, TektonApi.V1BETA1);
        assertThatThrownBy(() -> ClusterConnection.of(client, "gardenlinux", TektonApi.V1).verify(reporter))
                .hasMessageContaining("does not serve Tekton tekton.dev/v1 PipelineRuns");
        ClusterConnection.of(client, "gardenlinux", TektonApi.V1BETA1).verify(reporter);
    }
}
