package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import static io.gardenlinux.glci.cluster.MockCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gardenlinux.glci.cluster.SimulatedTekton.Step;
import io.gardenlinux.glci.cluster.SimulatedTekton.Task;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@EnableKubernetesMockClient(crud = true)
class RunFollowerTest {

    private static final String LONG_LOG = IntStream.rangeClosed(1, 150).mapToObj(i -> "build line " + i)
            .collect(Collectors.joining("\n")) + "\nerror: make failed\n";

    KubernetesMockServer server;
    KubernetesClient client;

    private SimulatedTekton tekton;
    private final RecordingReporter reporter = new RecordingReporter();

    @AfterEach
    void stopController() {
        if (tekton != null) {
            tekton.close();
        }
    }

    private ClusterConnection cluster(TektonApi api) {
        MockCluster.installTekton(server, client, TektonApi.V1, TektonApi.V1BETA1);
        tekton = new SimulatedTekton(server, client, api, NAMESPACE);
        return MockCluster.connect(client, api);
    }

    private void start(ClusterConnection connection, TektonApi api, String name) {
        new RunStarter(connection, reporter).start(List.of(SimulatedTekton.pipelineRun(api, name,
                "gardenlinux-build")), Optional.empty());
    }

    @Test
    void passesWhenTheRunSucceeds() {
        ClusterConnection connection = cluster(TektonApi.V1);
        tekton.plan(Task.of("build-baseimage", new Step("build", 0, "base image built\n")),
                Task.of("kvm-amd64", new Step("build", 0, "image built\n"), new Step("upload", 0, "uploaded\n")));
        start(connection, TektonApi.V1, "gl-build-ok");

        new RunFollower(connection, reporter).follow("gl-build-ok", FollowOptions.defaults());

        assertThat(reporter.lines()).contains(
                "INFO Task build-baseimage started (TaskRun gl-build-ok-build-baseimage)",
                "INFO Task kvm-amd64 started (TaskRun gl-build-ok-kvm-amd64)");
        assertThat(reporter.text()).contains("INFO Task build-baseimage succeeded", "INFO Task kvm-amd64 succeeded",
                "INFO PipelineRun gl-build-ok succeeded");
        assertThat(reporter.text()).as("no logs of steps that did not fail").doesNotContain("[kvm-amd64/");
    }

    @Test
    void allLogsShowsEveryStepPrefixed() {
        ClusterConnection connection = cluster(TektonApi.V1);
        tekton.plan(Task.of("kvm-amd64", new Step("build", 0, "image built\n"), new Step("upload", 0,
                "uploaded\n")));
        start(connection, TektonApi.V1, "gl-build-logs");

        new RunFollower(connection, reporter).follow("gl-build-logs", FollowOptions.defaults().withAllLogs(true));

        assertThat(reporter.lines()).contains("INFO [kvm-amd64/build] image built", "INFO [kvm-amd64/upload] uploaded");
    }

    @ParameterizedTest
    @EnumSource(TektonApi.class)
    void failsWhenTheRunFailsNamingTheTaskWithItsLogTail(TektonApi api) {
        ClusterConnection connection = cluster(api);
        tekton.plan(Task.of("build-baseimage", new Step("build", 0, "base image built\n")),
                Task.of("kvm-amd64", new Step("build", 2, LONG_LOG), new Step("upload", 0, "not reached\n")),
                Task.of("promote", new Step("promote", 0, "")));
        start(connection, api, "gl-build-bad");

        assertThatThrownBy(() -> new RunFollower(connection, reporter).follow("gl-build-bad",
                FollowOptions.defaults()))
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.state()).isEqualTo(RunState.FAILED);
                    assertThat(e.failedTasks()).extracting(Object::toString).containsExactly(
                            "kvm-amd64: Failed: \"step-build\" exited with code 2");
                    assertThat(e.getMessage()).startsWith("PipelineRun gl-build-bad failed: Failed: Tasks Completed:")
                            .contains("failed tasks: kvm-amd64: Failed: \"step-build\" exited with code 2");
                });
        assertThat(reporter.lines()).contains("WARN [kvm-amd64/build] error: make failed",
                "WARN [kvm-amd64/build] build line 150", "WARN [kvm-amd64/build] build line 52");
        assertThat(reporter.text()).as("only the tail").doesNotContain("build line 51\n")
                .doesNotContain("[kvm-amd64/upload]").doesNotContain("[build-baseimage/");
    }

    @Test
    void recoversFromAWatchTheServerClosed() throws Exception {
        ClusterConnection connection = cluster(TektonApi.V1);
        // the first watch on the run ends as a long watch on a real API server does: "too old resource version"
        server.expect().get()
                .withPath("/apis/tekton.dev/v1/namespaces/" + NAMESPACE + "/pipelineruns?allowWatchBookmarks=true"
                        + "&fieldSelector=metadata.name%3Dgl-build-long&watch=true")
                .andUpgradeToWebSocket().open()
                .waitFor(200).andEmit(new WatchEvent(new StatusBuilder().withCode(410).withReason("Expired")
                        .withMessage("too old resource version: 1 (2)").build(), "ERROR"))
                .done().once();
        tekton.plan(Task.of("kvm-amd64", new Step("build", 0, "image built\n")).held());
        start(connection, TektonApi.V1, "gl-build-long");

        CompletableFuture<Void> following = CompletableFuture.runAsync(() -> new RunFollower(connection, reporter)
                .follow("gl-build-long", FollowOptions.defaults()));
        reporter.awaitLine("The watch on PipelineRun gl-build-long closed", Duration.ofSeconds(20));
        tekton.release();
        following.get(30, TimeUnit.SECONDS);

        assertThat(reporter.text()).contains("HTTP 410", "INFO Task kvm-amd64 succeeded",
                "INFO PipelineRun gl-build-long succeeded");
        assertThat(reporter.lines().stream().filter(l -> l.contains("Task kvm-amd64 started")))
                .as("reported once across the two watches").hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TektonApi.class)
    void cancelSetsTheStatusItsApiVersionAccepts(TektonApi api) throws Exception {
        ClusterConnection connection = cluster(api);
        tekton.plan(Task.of("kvm-amd64", new Step("build", 0, "building\n")).held());
        start(connection, api, "gl-build-cancel");
        CompletableFuture<Void> following = CompletableFuture.runAsync(() -> new RunFollower(connection, reporter)
                .follow("gl-build-cancel", FollowOptions.defaults()));
        reporter.awaitLine("Task kvm-amd64 started", Duration.ofSeconds(20));

        assertThat(new RunCanceller(connection, reporter).cancel("gl-build-cancel")).isTrue();

        GenericKubernetesResource run = client.genericKubernetesResources(api.pipelineRuns()).inNamespace(NAMESPACE)
                .withName("gl-build-cancel").get();
        assertThat(((Map<?, ?>) run.getAdditionalProperties().get("spec")).get("status"))
                .isEqualTo(api == TektonApi.V1 ? "Cancelled" : "PipelineRunCancelled");
        assertThatThrownBy(() -> following.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RunFailedException.class)
                .cause().hasMessageStartingWith("PipelineRun gl-build-cancel cancelled")
                .hasMessageContaining("kvm-amd64: TaskRunCancelled");
        assertThat(new RunCanceller(connection, reporter).cancel("gl-build-cancel")).as("already ended").isFalse();
    }

    @Test
    void givesUpAtTheTimeoutWithoutCancelling() {
        ClusterConnection connection = cluster(TektonApi.V1);
        tekton.plan(Task.of("kvm-amd64", new Step("build", 0, "building\n")).held());
        start(connection, TektonApi.V1, "gl-build-slow");

        assertThatThrownBy(() -> new RunFollower(connection, reporter).follow("gl-build-slow",
                FollowOptions.defaults().withTimeout(Optional.of(Duration.ofSeconds(2)))))
                .isInstanceOf(RunFailedException.class)
                .hasMessage("PipelineRun gl-build-slow did not finish within 2s (setting 'timeout'); followed for 2s."
                        + " It may still be running: cancel it with goal 'cancel' setting 'run'=gl-build-slow");
    }

    @Test
    void aRunThatDoesNotExistIsOneLine() {
        ClusterConnection connection = cluster(TektonApi.V1);
        assertThatThrownBy(() -> new RunFollower(connection, reporter).follow("nope", FollowOptions.defaults()))
                .isInstanceOf(ClusterException.class)
                .hasMessageStartingWith("PipelineRun 'nope' does not exist in cluster ")
                .hasMessageEndingWith(", namespace gardenlinux; list the runs with: kubectl get pipelineruns -n"
                        + " gardenlinux");
        assertThatThrownBy(() -> new RunCanceller(connection, reporter).cancel("nope"))
                .hasMessageStartingWith("PipelineRun 'nope' does not exist");
    }
}
