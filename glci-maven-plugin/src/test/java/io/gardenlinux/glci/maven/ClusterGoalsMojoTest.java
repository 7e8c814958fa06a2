package io.gardenlinux.glci.maven;

import static io.gardenlinux.glci.cluster.MockTektonCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gardenlinux.glci.cluster.MockTektonCluster;
import io.gardenlinux.glci.cluster.MockTektonCluster.Runs;
import io.gardenlinux.glci.render.RenderOptions;
import io.gardenlinux.glci.render.tekton.TektonApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cluster goals as a user runs them: each mojo's {@code execute()} with a kubeconfig pointing at fabric8's mock
 * API server (CRUD mode) on 127.0.0.1 and a simulated Tekton controller running the PipelineRuns; the assertions are
 * on what the server holds afterwards and on how the goal ends.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterGoalsMojoTest {

    static final Path GARDENLINUX = Path.of("..", "samples", "gardenlinux").toAbsolutePath().normalize();
    static final Path CFG = Path.of("..", "cfg").toAbsolutePath().normalize();
    /** How long the simulated controller may take on a loaded machine; waits end as soon as the event is seen. */
    static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    private final RecordingLog log = new RecordingLog();

    /** A goal as Maven would set it up against the cluster, with an empty environment and a log that keeps quiet. */
    private <T extends AbstractClusterMojo> T goal(T mojo, MockTektonCluster cluster) {
        mojo.repoRoot = tmp.toFile();
        mojo.kubeconfig = cluster.kubeconfig().toFile();
        mojo.setLog(log);
        return mojo;
    }

    private static <T extends HasMetadata> String version(T object) {
        return object.getMetadata().getResourceVersion();
    }

    private static Map<String, String> resourceVersions(KubernetesClient client, String kind) {
        return client.genericKubernetesResources(TektonApi.V1.apiVersion(), kind).inNamespace(NAMESPACE).list()
                .getItems().stream().collect(Collectors.toMap(r -> r.getMetadata().getName(),
                        ClusterGoalsMojoTest::version));
    }

    @Test
    void setupPutsTheNamespaceLimitRangeAndRbacIntoTheClusterFromAnEmptyFolder() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        try (MockTektonCluster cluster = MockTektonCluster.start(Files.createDirectories(tmp.resolve("cluster")),
                "v1")) {
            SetupMojo setup = goal(new SetupMojo() {
                @Override
                protected Optional<String> env(String name) {
                    return Optional.empty();
                }
            }, cluster);
            setup.repoRoot = empty.toFile();
            setup.namespace = "gl-setup";

            setup.execute();

            KubernetesClient client = cluster.client();
            assertThat(client.namespaces().withName("gl-setup").get()).isNotNull();
            LimitRange limits = client.limitRanges().inNamespace("gl-setup").withName("gardenlinux").get();
            assertThat(limits).isNotNull();
            assertThat(limits.getSpec().getLimits()).isNotEmpty();
            ClusterRole role = client.rbac().clusterRoles().withName("incluster-tektonaccess").get();
            assertThat(role).isNotNull();
            assertThat(role.getRules()).isNotEmpty();
            ClusterRoleBinding binding = client.rbac().clusterRoleBindings()
                    .withName("incluster-tektonaccess-gl-setup").get();
            assertThat(binding.getRoleRef().getName()).isEqualTo("incluster-tektonaccess");
            assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
                assertThat(s.getKind()).isEqualTo("ServiceAccount");
                assertThat(s.getName()).isEqualTo("default");
                assertThat(s.getNamespace()).isEqualTo("gl-setup");
            });
            assertThat(empty.toFile().list()).as("nothing written to the folder").isEmpty();

            // a second setup changes nothing
            String limitsVersion = version(limits);
            String roleVersion = version(role);
            setup.execute();
            assertThat(version(client.limitRanges().inNamespace("gl-setup").withName("gardenlinux").get()))
                    .isEqualTo(limitsVersion);
            assertThat(version(client.rbac().clusterRoles().withName("incluster-tektonaccess").get()))
                    .isEqualTo(roleVersion);
        }
    }

    private ApplyMojo apply(MockTektonCluster cluster) {
        ApplyMojo apply = goal(new ApplyMojo() {
            @Override
            protected Optional<String> env(String name) {
                return Optional.empty();
            }
        }, cluster);
        apply.repoRoot = GARDENLINUX.toFile();
        apply.cfgDir = CFG.toFile();
        apply.amiId = "replaceme_aws";
        apply.gcpImageName = "replaceme_gcp";
        apply.stepImage = RenderOptions.DEFAULT_STEP_IMAGE;
        apply.outputDirectory = tmp.resolve("glci").toFile();
        apply.committish = "0123456789abcdef0123456789abcdef01234567";
        apply.sourceDateEpoch = "1628078400";
        return apply;
    }

    @Test
    void applyPutsTheTasksPipelinesAndCredentialsSecretIntoTheClusterAndASecondApplyChangesNothing()
            throws Exception {
        try (MockTektonCluster cluster = MockTektonCluster.start(Files.createDirectories(tmp.resolve("cluster")),
                "v1")) {
            ApplyMojo apply = apply(cluster);

            apply.execute();

            assertThat(cluster.names("Task")).containsExactly("build-baseimage", "build-gardenlinux-task",
                    "build-kernel-packages", "build-packages", "notify-task", "promote-gardenlinux-task");
            assertThat(cluster.names("Pipeline")).containsExactly("gardenlinux-build", "gl-packages-build");
            assertThat(cluster.names("PipelineRun")).as("apply starts nothing").isEmpty();
            Secret secret = cluster.client().secrets().inNamespace(NAMESPACE).withName("secrets").get();
            assertThat(secret).isNotNull();
            assertThat(secret.getData()).containsOnlyKeys("config.json");
            String document = new String(Base64.getDecoder().decode(secret.getData().get("config.json")),
                    StandardCharsets.UTF_8);
            assertThat(document).contains("\"aws\"", "\"gardenlinux\"", "<SECRET_ACCESS_KEY>", "\"email\"");
            assertThat(tmp.resolve("glci").resolve("20-pipeline-gardenlinux-build.yaml")).isRegularFile();

            KubernetesClient client = cluster.client();
            Map<String, String> tasks = resourceVersions(client, "Task");
            Map<String, String> pipelines = resourceVersions(client, "Pipeline");
            String secretVersion = version(secret);
            apply(cluster).execute();
            assertThat(resourceVersions(client, "Task")).isEqualTo(tasks);
            assertThat(resourceVersions(client, "Pipeline")).isEqualTo(pipelines);
            assertThat(version(client.secrets().inNamespace(NAMESPACE).withName("secrets").get()))
                    .isEqualTo(secretVersion);
        }
    }

    private WatchMojo watch(MockTektonCluster cluster, String run) {
        WatchMojo watch = goal(new WatchMojo() {
            @Override
            protected Optional<String> env(String name) {
                return Optional.empty();
            }
        }, cluster);
        watch.run = run;
        // a guard for a broken test, far above what the simulated run takes
        watch.timeout = "8m";
        return watch;
    }

    @Test
    void watchPassesWhenTheRunSucceeds() throws Exception {
        try (MockTektonCluster cluster = MockTektonCluster.start(Files.createDirectories(tmp.resolve("cluster")),
                "v1")) {
            cluster.startRun("gl-watch-ok", "gardenlinux-build");

            watch(cluster, "gl-watch-ok").execute();

            assertThat(cluster.run("gl-watch-ok").get("status", "conditions", 0, "reason").toString())
                    .isEqualTo("Succeeded");
            assertThat(log.lines()).anyMatch(l -> l.startsWith("INFO PipelineRun gl-watch-ok succeeded"));
            assertThat(log.text()).contains("Task kvm-amd64 succeeded").doesNotContain("[kvm-amd64/");
        }
    }

    @Test
    void watchFailsWhenTheRunFailsNamingTheFailedTaskAndShowingItsLogTail() throws Exception {
        try (MockTektonCluster cluster = MockTektonCluster.start(Files.createDirectories(tmp.resolve("cluster")),
                "v1", Runs.FAIL)) {
            cluster.startRun("gl-watch-bad", "gardenlinux-build");

            assertThatThrownBy(watch(cluster, "gl-watch-bad")::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageStartingWith("PipelineRun gl-watch-bad failed: Failed: Tasks Completed: 2")
                    .hasMessageEndingWith("failed tasks: kvm-amd64: Failed: \"step-build\" exited with code 2");
            assertThat(log.lines()).contains(
                    "WARN [kvm-amd64/build] E: Unable to locate package linux-image-cloud-amd64");
            assertThat(log.text()).contains("Task build-baseimage succeeded").doesNotContain("[kvm-amd64/prebuild]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v1beta1"})
    void cancelSetsTheRunsSpecStatusAndTheControllerEndsIt(String api) throws Exception {
        try (MockTektonCluster cluster = MockTektonCluster.start(Files.createDirectories(tmp.resolve("cluster")),
                api, Runs.HOLD)) {
            cluster.startRun("gl-cancel", "gardenlinux-build");
            cluster.awaitTaskStarted("gl-cancel", "kvm-amd64", LIMIT);
            CancelMojo cancel = goal(new CancelMojo() {
                @Override
                protected Optional<String> env(String name) {
                    return Optional.empty();
                }
            }, cluster);
            cancel.run = "gl-cancel";
            cancel.tektonApi = api;

            cancel.execute();

            String status = api.equals("v1") ? "Cancelled" : "PipelineRunCancelled";
            assertThat(cluster.run("gl-cancel").get("spec", "status").toString()).isEqualTo(status);
            GenericKubernetesResource ended = cluster.awaitDone("gl-cancel", LIMIT);
            assertThat(ended.get("status", "conditions", 0, "reason").toString()).isEqualTo(status);
            assertThat(log.lines()).contains("INFO Cancelled PipelineRun gl-cancel (spec.status: " + status + ")");

            // a finished run is left as it is
            cancel.execute();
            assertThat(log.lines()).contains("INFO PipelineRun gl-cancel has already finished (cancelled); nothing"
                    + " to cancel");
        }
    }

    @Test
    void pruneKeepsTheNewestRuns() throws Exception {
        try (MockTektonCluster cluster = MockTektonCluster.start(Files.createDirectories(tmp.resolve("cluster")),
                "v1")) {
            List<String> old = List.of("gl-old-0", "gl-old-1", "gl-old-2");
            old.forEach(name -> cluster.startRun(name, "gardenlinux-build"));
            // runs end before they are pruned: the controller would report a run deleted under it
            Instant created = old.stream().map(name -> cluster.awaitDone(name, LIMIT))
                    .map(r -> Instant.parse(r.getMetadata().getCreationTimestamp())).max(Instant::compareTo)
                    .orElseThrow();
            // creation times have a resolution of one second: the newer runs are created in a later second
            awaitClockPast(created.plusSeconds(1));
            List<String> young = List.of("gl-new-0", "gl-new-1");
            young.forEach(name -> cluster.startRun(name, "gardenlinux-build"));
            young.forEach(name -> cluster.awaitDone(name, LIMIT));
            PruneMojo prune = goal(new PruneMojo() {
                @Override
                protected Optional<String> env(String name) {
                    return Optional.empty();
                }
            }, cluster);
            prune.keep = "2";

            prune.execute();

            assertThat(cluster.names("PipelineRun")).containsExactly("gl-new-0", "gl-new-1");
            assertThat(log.text()).contains("Pruned 3 old PipelineRun(s), 2 kept");
        }
    }

    /** Waits until the wall clock is past {@code instant}, however long the machine took to get here. */
    private static void awaitClockPast(Instant instant) throws InterruptedException {
        for (Instant now = Instant.now(); !now.isAfter(instant); now = Instant.now()) {
            Thread.sleep(Duration.between(now, instant).toMillis() + 10);
        }
    }

    @Test
    void getLogsZipsTheLogOfEveryStepThatRan() throws Exception {
        try (MockTektonCluster cluster = MockTektonCluster.start(Files.createDirectories(tmp.resolve("cluster")),
                "v1", Runs.FAIL)) {
            cluster.startRun("gl-logs", "gardenlinux-build");
            cluster.awaitDone("gl-logs", LIMIT);
            GetLogsMojo getLogs = goal(new GetLogsMojo() {
                @Override
                protected Optional<String> env(String name) {
                    return Optional.empty();
                }
            }, cluster);
            getLogs.run = "gl-logs";
            Path zip = tmp.resolve("logs").resolve("build_log.zip");
            getLogs.logArchive = zip.toFile();

            getLogs.execute();

            Map<String, String> entries = read(zip);
            assertThat(entries).containsOnlyKeys("build-baseimage/00_build.log", "kvm-amd64/00_prebuild.log",
                    "kvm-amd64/01_build.log");
            assertThat(entries).containsEntry("build-baseimage/00_build.log", "base images built\n")
                    .containsEntry("kvm-amd64/00_prebuild.log", "not built yet\n");
            assertThat(entries.get("kvm-amd64/01_build.log")).startsWith("make[1]: building kvm-amd64\n")
                    .endsWith("E: Unable to locate package linux-image-cloud-amd64\n")
                    .hasLineCount(151);
            assertThat(zip.getParent().toFile().list()).as("no temporary file left").containsExactly(
                    "build_log.zip");
        }
    }

    /** The entries of a zip with their text, in the zip's order. */
    static Map<String, String> read(Path zip) throws IOException {
        Map<String, String> content = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                content.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return content;
    }
}
