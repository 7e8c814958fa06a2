package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import static io.gardenlinux.glci.cluster.MockCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, kubernetesClientBuilderCustomizer = PatientClient.class)
class RunStarterTest {

    KubernetesMockServer server;
    KubernetesClient client;

    private final RecordingReporter reporter = new RecordingReporter();
    private ClusterConnection connection;

    @BeforeEach
    void cluster() {
        MockCluster.installTekton(server, client, TektonApi.V1);
        connection = MockCluster.connect(client, TektonApi.V1);
    }

    private List<String> runNames() {
        return client.genericKubernetesResources(TektonApi.V1.pipelineRuns()).inNamespace(NAMESPACE).list()
                .getItems().stream().map(r -> r.getMetadata().getName()).sorted().toList();
    }

    private void createRuns(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            client.genericKubernetesResources(TektonApi.V1.pipelineRuns()).inNamespace(NAMESPACE)
                    .resource(SimulatedTekton.pipelineRun(TektonApi.V1, prefix + i, "gardenlinux-build")).create();
        }
    }

    @Test
    void pruneKeepsExactlyTheNewestN() throws InterruptedException {
        // creation times have a resolution of one second, as on a real API server
        createRuns("old-", 5);
        Thread.sleep(1100);
        createRuns("new-", 20);

        List<String> deleted = new RunStarter(connection, reporter).prune(20);

        assertThat(deleted).containsExactlyInAnyOrder("old-0", "old-1", "old-2", "old-3", "old-4");
        assertThat(runNames()).hasSize(20).allMatch(n -> n.startsWith("new-"));
        assertThat(new RunStarter(connection, reporter).prune(20)).isEmpty();

        Thread.sleep(1100);
        createRuns("newest-", 3);
        assertThat(new RunStarter(connection, reporter).prune(3)).hasSize(20);
        assertThat(runNames()).containsExactly("newest-0", "newest-1", "newest-2");
        assertThat(reporter.lines()).contains("INFO Pruned 0 old PipelineRun(s), 20 kept (setting 'keep'=20)");
    }

    @Test
    void startCreatesTheRunsAndNamesThemWithADashboardLink() {
        GenericKubernetesResource image = new GenericKubernetesResource();
        image.setApiVersion(TektonApi.V1.apiVersion());
        image.setKind("PipelineRun");
        image.setMetadata(new ObjectMetaBuilder().withGenerateName("gardenlinux-build-").build());
        image.setAdditionalProperty("spec", Map.of("pipelineRef", Map.of("name", "gardenlinux-build")));
        GenericKubernetesResource packages = SimulatedTekton.pipelineRun(TektonApi.V1, "gl-packages-build-1",
                "gl-packages-build");

        List<String> names = new RunStarter(connection, reporter).start(List.of(image, packages),
                Optional.of("https://dashboard.example/"));

        assertThat(names).hasSize(2);
        assertThat(names.get(0)).startsWith("gardenlinux-build-").isNotEqualTo("gardenlinux-build-");
        assertThat(names.get(1)).isEqualTo("gl-packages-build-1");
        assertThat(runNames()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(reporter.lines()).contains("INFO Started PipelineRun gl-packages-build-1 in namespace gardenlinux",
                "INFO   Dashboard: https://dashboard.example/#/namespaces/gardenlinux/pipelineruns/gl-packages-build-1");
        IntStream.range(0, 2).forEach(i -> assertThat(reporter.text()).contains("goal 'watch' setting 'run'=" + names.get(i)));
    }
}
