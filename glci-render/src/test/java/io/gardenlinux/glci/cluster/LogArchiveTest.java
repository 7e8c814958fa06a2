package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import static io.gardenlinux.glci.cluster.MockCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gardenlinux.glci.cluster.SimulatedTekton.Step;
import io.gardenlinux.glci.cluster.SimulatedTekton.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true, kubernetesClientBuilderCustomizer = PatientClient.class)
class LogArchiveTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TektonApi.class)
    void zipsEveryStepOfEveryTask(TektonApi api) throws IOException {
        MockCluster.installTekton(server, client, TektonApi.V1, TektonApi.V1BETA1);
        ClusterConnection connection = MockCluster.connect(client, api);
        RecordingReporter reporter = new RecordingReporter();
        try (SimulatedTekton tekton = new SimulatedTekton(server, client, api, NAMESPACE)) {
            tekton.plan(Task.of("build-baseimage", new Step("build", 0, "base built\n")),
                    Task.of("kvm-amd64", new Step("prebuild", 0, "checked\n"), new Step("build", 1, "broke\n")));
            new RunStarter(connection, reporter).start(List.of(SimulatedTekton.pipelineRun(api, "gl-logs",
                    "gardenlinux-build")), Optional.empty());
            assertThatThrownBy(() -> new RunFollower(connection, reporter).follow("gl-logs",
                    FollowOptions.defaults())).isInstanceOf(RunFailedException.class);

            Path zip = dir.resolve("out/build_log.zip");
            List<String> entries = new LogArchive(connection, reporter).write("gl-logs", zip);

            assertThat(entries).containsExactly("build-baseimage/00_build.log", "kvm-amd64/00_prebuild.log",
                    "kvm-amd64/01_build.log");
            assertThat(read(zip)).containsExactly(Map.entry("build-baseimage/00_build.log", "base built\n"),
                    Map.entry("kvm-amd64/00_prebuild.log", "checked\n"), Map.entry("kvm-amd64/01_build.log",
                            "broke\n"));
            assertThat(Files.list(zip.getParent())).as("no temporary file left").containsExactly(zip);
        }
    }

    @Test
    void aStepWhosePodIsGoneIsNotedInItsEntry() throws IOException {
        MockCluster.installTekton(server, client, TektonApi.V1);
        ClusterConnection connection = MockCluster.connect(client, TektonApi.V1);
        RecordingReporter reporter = new RecordingReporter();
        try (SimulatedTekton tekton = new SimulatedTekton(server, client, TektonApi.V1, NAMESPACE)) {
            tekton.plan(Task.of("kvm-amd64", new Step("prebuild", 0, "checked\n"), Step.podGone("build", 0)));
            new RunStarter(connection, reporter).start(List.of(SimulatedTekton.pipelineRun(TektonApi.V1, "gl-gone",
                    "gardenlinux-build")), Optional.empty());
            new RunFollower(connection, reporter).follow("gl-gone", FollowOptions.defaults());

            Path zip = dir.resolve("build_log.zip");
            new LogArchive(connection, reporter).write("gl-gone", zip);

            String gone = "no log of step build of task kvm-amd64: its pod gl-gone-kvm-amd64-pod is gone (deleted, e.g."
                    + " with its PipelineRun or by the cluster's clean-up) (HTTP 404: pods \"gl-gone-kvm-amd64-pod\" not"
                    + " found)";
            assertThat(read(zip)).containsExactly(Map.entry("kvm-amd64/00_prebuild.log", "checked\n"),
                    Map.entry("kvm-amd64/01_build.log", "(" + gone + ")\n"));
            assertThat(reporter.lines()).contains("WARN Getting logs failed: " + gone);
        }
    }

    private static Map<String, String> read(Path zip) throws IOException {
        Map<String, String> content = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                content.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return content;
    }
}
