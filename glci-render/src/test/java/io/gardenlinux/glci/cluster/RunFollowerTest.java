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
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@EnableKubernetesMockClient(crud = true, kubernetesClientBuilderCustomizer = PatientClient.class)
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
    void aV1beta1RunIsFollowedWithoutFabric8sUnstableVersionWarning() throws Exception {
        // fabric8 warns once per JVM and kind; forget the warnings given so far, as a new Maven run starts afresh
        Class<?> warnings = Class.forName("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils");
        Field given = warnings.getDeclaredField("UNSTABLE_TYPES");
        given.setAccessible(true);
        ((Map<?, ?>) given.get(null)).clear();
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger fabric8 = Logger.getLogger(warnings.getName());
        Level level = fabric8.getLevel();
        fabric8.setLevel(Level.ALL);
        fabric8.setUseParentHandlers(false);
        fabric8.addHandler(recorder);
        try {
            ClusterConnection connection = cluster(TektonApi.V1BETA1);
            tekton.plan(Task.of("kvm-amd64", new Step("build", 0, "image built\n")));
            start(connection, TektonApi.V1BETA1, "gl-build-old");
            new RunFollower(connection, reporter).follow("gl-build-old", FollowOptions.defaults());
            assertThat(new RunCanceller(connection, reporter).cancel("gl-build-old")).as("already ended").isFalse();
        } finally {
            fabric8.removeHandler(recorder);
            fabric8.setUseParentHandlers(true);
            fabric8.setLevel(level);
        }

        assertThat(reporter.text()).contains("INFO PipelineRun gl-build-old succeeded")
                .doesNotContain("unstable version");
        assertThat(logged).extracting(LogRecord::getMessage).isEmpty();
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
    void aLogTheApiServerDoesNotGiveIsSaidInGlcisWords() {
        ClusterConnection connection = cluster(TektonApi.V1);
        tekton.plan(Task.of("build-baseimage", Step.notStarted("build", 0)),
                Task.of("kvm-amd64", Step.podGone("build", 2)));
        start(connection, TektonApi.V1, "gl-build-nolog");

        assertThatThrownBy(() -> new RunFollower(connection, reporter).follow("gl-build-nolog",
                FollowOptions.defaults().withAllLogs(true))).isInstanceOf(RunFailedException.class);

        assertThat(reporter.lines()).contains("WARN [build-baseimage/build] no log of step build of task"
                + " build-baseimage: its container step-build in pod gl-build-nolog-build-baseimage-pod has not started"
                + " or is gone (HTTP 400: container \"step-build\" in pod \"gl-build-nolog-build-baseimage-pod\" is"
                + " waiting to start: PodInitializing)",
                "WARN [kvm-amd64/build] no log of step build of task kvm-amd64: its pod gl-build-nolog-kvm-amd64-pod"
                + " is gone (deleted, e.g. with its PipelineRun or by the cluster's clean-up) (HTTP 404: pods"
                + " \"gl-build-nolog-kvm-amd64-pod\" not found)");
        assertThat(reporter.text()).as("not the API server's JSON").doesNotContain("{").doesNotContain("\"kind\"");
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
        reporter.awaitLine("The watch on PipelineRun gl-build-long closed", PatientClient.PATIENCE);
        tekton.release();
        following.get(PatientClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(reporter.text()).contains("HTTP 410", "INFO Task kvm-amd64 succeeded",
                "INFO PipelineRun gl-build-long succeeded");
        assertThat(reporter.lines().stream().filter(l -> l.contains("Task kvm-amd64 started")))
                .as("reported once across the two watches").hasSize(1);
    }

    @Test
    void aLongWaitSaysEveryFiveMinutesWhichTasksAreRunning() throws Exception {
        ClusterConnection connection = cluster(TektonApi.V1);
        tekton.plan(Task.of("build-baseimage", new Step("build", 0, "base image built\n")),
                Task.of("kvm-amd64", new Step("build", 0, "image built\n")).held());
        start(connection, TektonApi.V1, "gl-build-hours");
        ManualTicker time = new ManualTicker();
        CompletableFuture<Void> following = CompletableFuture.runAsync(() -> new RunFollower(connection, reporter,
                time).follow("gl-build-hours", FollowOptions.defaults()));
        reporter.awaitLine("Task kvm-amd64 started", PatientClient.PATIENCE);

        time.advance(Duration.ofMinutes(4));
        time.advance(Duration.ofMinutes(1));
        reporter.awaitLine("still running after 5m:", PatientClient.PATIENCE);
        time.advance(Duration.ofMinutes(5).plusSeconds(30));
        reporter.awaitLine("still running after 10m30s", PatientClient.PATIENCE);
        tekton.release();
        following.get(PatientClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(reporter.lines().stream().filter(l -> l.contains("still running"))).containsExactly(
                "INFO PipelineRun gl-build-hours still running after 5m: running kvm-amd64; 1 task(s) done",
                "INFO PipelineRun gl-build-hours still running after 10m30s: running kvm-amd64; 1 task(s) done");
        assertThat(reporter.text()).contains("INFO PipelineRun gl-build-hours succeeded (followed for 10m30s)");
    }

    @Test
    void givesUpAtTheTimeoutOfHoursWithoutWaitingForThem() {
        ClusterConnection connection = cluster(TektonApi.V1);
        tekton.plan(Task.of("kvm-amd64", new Step("build", 0, "building\n")).held());
        start(connection, TektonApi.V1, "gl-build-slower");
        ManualTicker time = new ManualTicker();
        CompletableFuture<Void> following = CompletableFuture.runAsync(() -> new RunFollower(connection, reporter,
                time).follow("gl-build-slower", FollowOptions.defaults().withTimeout(Optional.of(
                        Duration.ofHours(6)))));
        assertThatThrownBy(() -> {
            reporter.awaitLine("Task kvm-amd64 started", PatientClient.PATIENCE);
            time.advance(Duration.ofHours(6));
            following.get(PatientClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }).cause().isInstanceOf(RunFailedException.class)
                .hasMessageStartingWith("PipelineRun gl-build-slower did not finish within 6h (setting"
                        + " 'timeout'); followed for 6h; running then: kvm-amd64.");
    }

    @ParameterizedTest
    @EnumSource(TektonApi.class)
    void cancelSetsTheStatusItsApiVersionAccepts(TektonApi api) throws Exception {
        ClusterConnection connection = cluster(api);
        tekton.plan(Task.of("kvm-amd64", new Step("build", 0, "building\n")).held());
        start(connection, api, "gl-build-cancel");
        CompletableFuture<Void> following = CompletableFuture.runAsync(() -> new RunFollower(connection, reporter)
                .follow("gl-build-cancel", FollowOptions.defaults()));
        reporter.awaitLine("Task kvm-amd64 started", PatientClient.PATIENCE);

        assertThat(new RunCanceller(connection, reporter).cancel("gl-build-cancel")).isTrue();

        GenericKubernetesResource run = client.genericKubernetesResources(api.pipelineRuns()).inNamespace(NAMESPACE)
                .withName("gl-build-cancel").get();
        assertThat(((Map<?, ?>) run.getAdditionalProperties().get("spec")).get("status"))
                .isEqualTo(api == TektonApi.V1 ? "Cancelled" : "PipelineRunCancelled");
        assertThatThrownBy(() -> following.get(PatientClient.PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(RunFailedException.class)
                .cause().hasMessageStartingWith("PipelineRun gl-build-cancel cancelled")
                // Tekton v1 marks the run cancelled before its TaskRuns: the task is named from its last state
                .hasMessageContaining(api == TektonApi.V1 ? "task kvm-amd64 still running when it ended"
                        : "kvm-amd64: TaskRunCancelled");
        assertThat(new RunCanceller(connection, reporter).cancel("gl-build-cancel")).as("already ended").isFalse();
    }

    @ParameterizedTest
    @EnumSource(TektonApi.class)
    void aRunThatTimesOutNamesTheTaskThatWasRunning(TektonApi api) {
        ClusterConnection connection = cluster(api);
        tekton.plan(Task.of("build-baseimage", new Step("build", 0, "base image built\n")),
                Task.of("kvm-amd64", new Step("build", 0, "building\n")).held());
        start(connection, api, "gl-build-late");
        CompletableFuture<Void> following = CompletableFuture.runAsync(() -> new RunFollower(connection, reporter)
                .follow("gl-build-late", FollowOptions.defaults()));

        assertThatThrownBy(() -> {
            reporter.awaitLine("Task kvm-amd64 started", PatientClient.PATIENCE);
            tekton.timeOut();
            following.get(PatientClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }).cause().isInstanceOfSatisfying(RunFailedException.class, e -> {
            assertThat(e.state()).isEqualTo(RunState.FAILED);
            assertThat(e.failedTaskNames()).containsExactly("kvm-amd64");
            String run = "PipelineRun gl-build-late failed: PipelineRunTimeout: PipelineRun \"gl-build-late\" failed to"
                    + " finish within \"1h0m0s\"";
            // Tekton v1 marks the run done before it cancels the TaskRuns; v1beta1's embedded statuses say it at once
            assertThat(e.getMessage()).isEqualTo(api == TektonApi.V1
                    ? run + "; task kvm-amd64 still running when it ended"
                    : run + "; failed tasks: kvm-amd64: TaskRunCancelled: TaskRun \"gl-build-late-kvm-amd64\" was"
                            + " cancelled. TaskRun cancelled as the PipelineRun it belongs to has timed out.");
        });
    }

    @Test
    void givesUpAtTheTimeoutWithoutCancelling() {
        ClusterConnection connection = cluster(TektonApi.V1);
        tekton.plan(Task.of("kvm-amd64", new Step("build", 0, "building\n")).held());
        start(connection, TektonApi.V1, "gl-build-slow");

        assertThatThrownBy(() -> new RunFollower(connection, reporter).follow("gl-build-slow",
                FollowOptions.defaults().withTimeout(Optional.of(Duration.ofSeconds(2)))))
                .isInstanceOf(RunFailedException.class)
                .hasMessage("PipelineRun gl-build-slow did not finish within 2s (setting 'timeout'); followed for 2s;"
                        + " running then: kvm-amd64. It may still be running: cancel it with goal 'cancel' setting"
                        + " 'run'=gl-build-slow");
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
