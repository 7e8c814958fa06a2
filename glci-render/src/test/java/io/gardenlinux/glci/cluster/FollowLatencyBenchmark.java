package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import static io.gardenlinux.glci.cluster.MockCluster.NAMESPACE;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gardenlinux.glci.cluster.SimulatedTekton.Step;
import io.gardenlinux.glci.cluster.SimulatedTekton.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * BENCHMARKS.md "Waiting for a run": the time from a run's completion (the API server's answer to the status
 * update that ends it) to {@link RunFollower#follow} returning. Not part of the normal test run (no
 * {@code *Test} name); run it with {@code -Dtest=FollowLatencyBenchmark}. Prints numbers, asserts none.
 */
@EnableKubernetesMockClient(crud = true, kubernetesClientBuilderCustomizer = PatientClient.class)
class FollowLatencyBenchmark {

    private static final int RUNS = 30;

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void completionToExit() throws Exception {
        MockCluster.installTekton(server, client, TektonApi.V1);
        ClusterConnection connection = MockCluster.connect(client, TektonApi.V1);
        List<Double> millis = new ArrayList<>();
        try (SimulatedTekton tekton = new SimulatedTekton(server, client, TektonApi.V1, NAMESPACE)) {
            tekton.plan(Task.of("kvm-amd64", new Step("build", 0, "built\n")).held());
            for (int i = 0; i < RUNS + 3; i++) {
                String name = "bench-" + i;
                tekton.hold();
                RecordingReporter reporter = new RecordingReporter();
                new RunStarter(connection, reporter).start(List.of(SimulatedTekton.pipelineRun(TektonApi.V1, name,
                        "gardenlinux-build")), Optional.empty());
                CompletableFuture<Long> exit = CompletableFuture.supplyAsync(() -> {
                    new RunFollower(connection, reporter).follow(name, FollowOptions.defaults());
                    return System.nanoTime();
                });
                reporter.awaitLine("Task kvm-amd64 started", Duration.ofSeconds(30));
                tekton.release();
                long exited = exit.get(60, TimeUnit.SECONDS);
                if (i >= 3) { // the first runs warm up the JIT and the connections
                    millis.add((exited - tekton.finishedAt(name)) / 1e6);
                }
            }
        }
        Collections.sort(millis);
        System.out.printf("completion to exit over %d runs: median %.1f ms, p90 %.1f ms, max %.1f ms%n", RUNS,
                millis.get(RUNS / 2), millis.get(RUNS * 9 / 10), millis.get(RUNS - 1));
    }
}
