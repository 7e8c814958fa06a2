package io.gardenlinux.glci.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.render.tekton.Pipeline;
import io.gardenlinux.glci.render.tekton.PipelineRun;
import io.gardenlinux.glci.render.tekton.Step;
import io.gardenlinux.glci.render.tekton.Task;
import io.gardenlinux.glci.render.tekton.TektonApi;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The six Tasks, their steps, the credentials variants, run names and the setup objects. */
class GardenlinuxTasksTest {

    private static final Pattern GOAL = Pattern.compile("glci-maven-plugin:([^:]+):([a-z-]+)");
    private static final Pattern PROPERTY = Pattern.compile("-D(glci\\.[A-Za-z]+)=\"\\$\\{([A-Z0-9_]+)}\"");

    private static Map<String, Task> tasks(RenderOptions options) {
        return PipelineRenderer.render(options).tekton().tasks().stream()
                .collect(Collectors.toMap(Task::name, t -> t));
    }

    private static Step step(Task task, String name) {
        return task.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, String> env(Step step) {
        return step.env().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    /** Each goal step runs this version's plugin with the goal-contract properties, values from env only. */
    @Test
    void stepsThatRanPythonRunTheGlciGoalsOfTheContract() {
        Map<String, Task> tasks = tasks(Samples.options().build());
        Map<String, String> goals = new java.util.TreeMap<>();
        for (Task task : tasks.values()) {
            for (Step step : task.steps()) {
                Matcher goal = GOAL.matcher(step.script());
                if (!goal.find()) {
                    continue;
                }
                assertThat(goal.group(1)).isEqualTo(GlciVersion.version());
                assertThat(step.image()).isEqualTo("$(params.glci_image)");
                Matcher property = PROPERTY.matcher(step.script());
                List<String> properties = new java.util.ArrayList<>();
                while (property.find()) {
                    properties.add(property.group(1));
                    assertThat(env(step)).as("%s/%s %s", task.name(), step.name(), property.group(2))
                            .containsKey(property.group(2));
                }
                goals.put(task.name() + "/" + step.name(), goal.group(2) + " " + properties);
            }
        }
        assertThat(goals).containsEntry("build-gardenlinux-task/prebuild-step", "prebuild [glci.repoRoot,"
                + " glci.cicdConfig, glci.architecture, glci.platform, glci.modifiers, glci.version, glci.committish,"
                + " glci.epoch, glci.publishingActions]")
                .containsEntry("build-gardenlinux-task/upload-results", "upload-results [glci.repoRoot,"
                        + " glci.cicdConfig, glci.architecture, glci.platform, glci.modifiers, glci.version,"
                        + " glci.committish, glci.epoch, glci.publishingActions, glci.resultFile]")
                .containsEntry("build-baseimage/clone-repo-step", "clone [glci.repoRoot, glci.gitUrl,"
                        + " glci.committish]")
                .containsEntry("build-baseimage/check-base-images", "check-base-images [glci.repoRoot, glci.ociPath,"
                        + " glci.versionLabel, glci.baseImagesToBuild]")
                .containsEntry("build-baseimage/tag-base-images", "tag-base-images [glci.repoRoot, glci.ociPath,"
                        + " glci.versionLabel]")
                .containsEntry("build-packages/write-key", "write-key [glci.repoRoot, glci.cicdConfig,"
                        + " glci.keyConfigName]")
                .containsEntry("build-packages/upload-packages-s3", "upload-packages [glci.repoRoot,"
                        + " glci.cicdConfig, glci.packagePathPrefix]")
                .containsEntry("promote-gardenlinux-task/finalise-promotion-step", "finalise-promotion"
                        + " [glci.repoRoot, glci.cicdConfig, glci.flavourSet, glci.committish, glci.version,"
                        + " glci.epoch, glci.publishingActions, glci.buildType, glci.resultPath]")
                .containsEntry("promote-gardenlinux-task/release-step", "release [glci.repoRoot, glci.cicdConfig,"
                        + " glci.publishingActions, glci.epoch, glci.committish, glci.gitUrl, glci.branch]")
                .containsEntry("notify-task/get-logs", "get-logs [glci.repoRoot, glci.namespace, glci.run]")
                .containsEntry("notify-task/notify-status", "notify [glci.repoRoot, glci.cicdConfig,"
                        + " glci.statusDict, glci.onlyRecipients, glci.additionalRecipients,"
                        + " glci.disableNotifications, glci.namespace, glci.pipelineName, glci.run, glci.gitUrl,"
                        + " glci.committish]");
        assertThat(env(step(tasks.get("promote-gardenlinux-task"), "finalise-promotion-step")))
                .containsEntry("RESULT_PATH", "$(results.manifest_set_key_result.path)");
    }

    @Test
    void noScriptSplicesATektonVariable() {
        for (Task task : tasks(Samples.options().build()).values()) {
            for (Step step : task.steps()) {
                assertThat(step.script()).as("%s/%s", task.name(), step.name()).doesNotContain("$(")
                        .startsWith("#!");
            }
        }
    }

    @Test
    void theImageBuildIsPrivilegedWithDevAndAMemoryBackedBuildFolder() {
        Task build = tasks(Samples.options().build()).get("build-gardenlinux-task");
        Step image = step(build, "build-image");
        assertThat(image.image()).isEqualTo("$(params.build_image)");
        assertThat(image.securityContext().getPrivileged()).isTrue();
        assertThat(image.securityContext().getCapabilities().getAdd()).containsExactly("SYS_ADMIN");
        assertThat(image.resources().getLimits().get("memory").toString()).isEqualTo("1.5Gi");
        assertThat(image.volumeMounts()).extracting(m -> m.getName() + ":" + m.getMountPath())
                .containsExactly("dev:/dev", "build:/build");
        assertThat(build.volumes()).extracting(v -> v.getName()).containsExactly("secrets", "dev", "build");
        assertThat(build.volumes().get(2).getEmptyDir().getMedium()).isEqualTo("Memory");
        assertThat(build.param("architecture").orElseThrow().defaultValue()).isEqualTo("amd64");
        assertThat(build.param("platform").orElseThrow().isRequired()).isTrue();

        Rendering v1 = PipelineRenderer.render(Samples.options().build());
        Rendering v1beta1 = PipelineRenderer.render(Samples.options().tektonApi(TektonApi.V1BETA1).build());
        assertThat(v1.documents().get(1).yaml()).contains("computeResources:").doesNotContain(" resources:");
        assertThat(v1beta1.documents().get(1).yaml()).contains(" resources:").doesNotContain("computeResources");
    }

    @Test
    void theSecretVolumeReachesOnlyGoalSteps() {
        for (Task task : tasks(Samples.options().build()).values()) {
            assertThat(task.volumes()).extracting(v -> v.getName()).contains("secrets");
            for (Step step : task.steps()) {
                boolean goal = step.script().contains("glci-maven-plugin:");
                assertThat(env(step).containsKey("SECRETS_SERVER_CACHE")).as("%s/%s", task.name(), step.name())
                        .isEqualTo(goal);
                if (goal) {
                    assertThat(env(step)).containsEntry("SECRETS_SERVER_CACHE", "/secrets/config.json");
                    assertThat(step.volumeMounts()).anySatisfy(m -> assertThat(m.getMountPath())
                            .isEqualTo("/secrets"));
                }
            }
        }
    }

    @Test
    void anEncryptedDocumentsKeyComesFromASecretKeyRef() {
        Task promote = tasks(Samples.options().credentials(StepCredentials.encryptedSecretVolume("AES.GCM"))
                .build()).get("promote-gardenlinux-task");
        Step release = step(promote, "release-step");
        assertThat(env(release)).containsEntry("SECRET_CIPHER_ALGORITHM", "AES.GCM").doesNotContainKey("SECRET_KEY");
        EnvVar key = release.env().stream().filter(e -> e.getName().equals("SECRET_KEY")).findFirst().orElseThrow();
        assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo("secrets-key");
        assertThat(key.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("key");
    }

    @Test
    void withASecretsServerThereIsNoSecretVolume() {
        RenderOptions options = Samples.options()
                .credentials(StepCredentials.secretsServer("http://secrets-server.concourse.svc.cluster.local", null))
                .build();
        for (Task task : tasks(options).values()) {
            assertThat(task.volumes()).extracting(v -> v.getName()).doesNotContain("secrets");
            for (Step step : task.steps()) {
                assertThat(step.volumeMounts()).noneSatisfy(m -> assertThat(m.getName()).isEqualTo("secrets"));
                assertThat(env(step)).doesNotContainKey("SECRETS_SERVER_CACHE");
            }
        }
        assertThat(env(step(tasks(options).get("notify-task"), "notify-status")))
                .containsEntry("SECRETS_SERVER_ENDPOINT", "http://secrets-server.concourse.svc.cluster.local");
        assertThat(tasks(options).get("build-gardenlinux-task").volumes()).extracting(v -> v.getName())
                .containsExactly("dev", "build");
    }

    @Test
    void runNamesFollowTheOriginalsRuleAndStayValidLabels() {
        PipelineRun run = PipelineRenderer.render(Samples.options().imageBuild(true)
                .publishingActions(PublishingActions.parse("images,release,build_only"))
                .version("318.9-RC.FOR.A.VERY.LONG.AND.CAPITALISED.VERSION.NAME.X").build()).tekton().pipelineRuns()
                .get(0);
        assertThat(run.name()).hasSizeLessThanOrEqualTo(60).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
                .startsWith("gardenlinux-man-imgs-rel-bo-318-9-rc-for-a-very-long");
    }

    @Test
    void thePackageBuildTakesItsPackageLists() {
        Pipeline packages = PipelineRenderer.render(Samples.options().packages(List.of("iproute2", "python3.9"))
                .kernelPackages(List.of("linux-6.1")).build()).tekton().pipelines().get(1);
        assertThat(packages.tasks()).extracting(t -> t.name() + " " + t.taskRef()).containsExactly(
                "build-baseimage build-baseimage",
                "build-package-iproute2 build-packages",
                "build-package-python3-9 build-packages",
                "build-kernel-packages build-kernel-packages");
        assertThat(packages.tasks().get(2).params()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("pkg_name");
            assertThat(p.value()).isEqualTo("python3.9");
        });
        assertThat(packages.tasks().get(1).timeout()).hasHours(6);
        assertThat(packages.finallyTasks()).singleElement().satisfies(t -> assertThat(t.params())
                .anySatisfy(p -> assertThat(p.value()).contains("\"status_build-kernel-packages\": "
                        + "\"$(tasks.build-kernel-packages.status)\"")));
    }

    @Test
    void setupRendersTheReadmesPrerequisites() {
        Rendering rendering = PipelineRenderer.render(Samples.options().setup(true).namespace("gl").build());
        assertThat(rendering.documents().subList(0, 4)).extracting(RenderedDocument::fileName).containsExactly(
                "00-namespace-gl.yaml", "01-limitrange-gardenlinux.yaml",
                "02-clusterrole-incluster-tektonaccess.yaml", "03-clusterrolebinding-incluster-tektonaccess-gl.yaml");
        assertThat(rendering.documents().get(3).yaml()).contains("kind: ServiceAccount", "name: default",
                "namespace: gl", "name: incluster-tektonaccess");
        assertThat(rendering.documents().get(2).yaml()).contains("tekton.dev", "pods/log", "watch");
        assertThat(rendering.documents().get(1).yaml()).contains("namespace: gl", "ephemeral-storage: 128Gi",
                "memory: 24G");
    }
}
