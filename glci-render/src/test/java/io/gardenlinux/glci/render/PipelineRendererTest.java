package io.gardenlinux.glci.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.render.tekton.TektonApi;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineRendererTest {

    @Test
    void rendersTheSixTasksBothPipelinesAndTheRunsInApplyOrder() {
        Rendering rendering = PipelineRenderer.render(Samples.options().imageBuild(true).packageBuild(true).build());

        assertThat(rendering.documents()).extracting(RenderedDocument::fileName).containsExactly(
                "10-task-build-baseimage.yaml",
                "10-task-build-gardenlinux-task.yaml",
                "10-task-build-kernel-packages.yaml",
                "10-task-build-packages.yaml",
                "10-task-promote-gardenlinux-task.yaml",
                "10-task-notify-task.yaml",
                "20-pipeline-gardenlinux-build.yaml",
                "20-pipeline-gl-packages-build.yaml",
                "30-pipelinerun-gardenlinux-build.yaml",
                "30-pipelinerun-gl-packages-build.yaml");
        assertThat(rendering.flavourCount()).isEqualTo(6);
    }

    @Test
    void givesTheClusterHelperResourcesAndRunsAsFabric8Objects() {
        Rendering rendering = PipelineRenderer.render(Samples.options().imageBuild(true).setup(true).build());

        List<GenericKubernetesResource> resources = rendering.kubernetesResources();
        assertThat(resources).extracting(GenericKubernetesResource::getKind).containsExactly("Namespace",
                "LimitRange", "ClusterRole", "ClusterRoleBinding", "Task", "Task", "Task", "Task", "Task", "Task",
                "Pipeline", "Pipeline");
        assertThat(resources.get(4).getApiVersion()).isEqualTo("tekton.dev/v1");
        assertThat(rendering.pipelineRuns()).singleElement().satisfies(run -> {
            assertThat(run.getKind()).isEqualTo("PipelineRun");
            assertThat(run.getMetadata().getName()).isEqualTo("gardenlinux-man-bo-318-9-012345-8400");
            assertThat(run.<String>get("spec", "pipelineRef", "name")).isEqualTo("gardenlinux-build");
        });
    }

    @Test
    void todayMeansTheSameAsAVersionGivenAsInTheVersionFile() {
        // the sample's VERSION holds 318.9; Samples render on 2021-08-04, epoch 491
        Rendering today = PipelineRenderer.render(Samples.options().imageBuild(true).version("today").build());
        assertThat(today.pipelineRuns().get(0).getMetadata().getName()).contains("-491-0-");
        assertThat(param(today, "version")).isEqualTo("491.0");
        assertThat(param(today, "gardenlinux_epoch")).isEqualTo("491");

        Rendering given = PipelineRenderer.render(Samples.options().imageBuild(true).version("27.1.0").build());
        assertThat(param(given, "version")).as("passed as it is, as the original did").isEqualTo("27.1.0");
        assertThat(param(given, "gardenlinux_epoch")).as("the VERSION file's, as the original's").isEqualTo("318");
    }

    private static String param(Rendering rendering, String name) {
        List<java.util.Map<String, Object>> params = rendering.pipelineRuns().get(0).get("spec", "params");
        return params.stream().filter(p -> name.equals(p.get("name"))).map(p -> String.valueOf(p.get("value")))
                .findFirst().orElseThrow();
    }

    @Test
    void withoutRequestRendersNoRunsAndNoSetup() {
        Rendering rendering = PipelineRenderer.render(Samples.options().build());

        assertThat(rendering.pipelineRuns()).isEmpty();
        assertThat(rendering.kubernetesResources()).extracting(GenericKubernetesResource::getKind)
                .doesNotContain("Namespace", "PipelineRun");
    }

    @Test
    void renderingTwiceGivesTheSameBytes() {
        for (TektonApi api : TektonApi.values()) {
            RenderOptions options = Samples.options().tektonApi(api).imageBuild(true).packageBuild(true)
                    .setup(true).build();
            List<String> first = PipelineRenderer.render(options).documents().stream().map(RenderedDocument::yaml)
                    .toList();
            List<String> second = PipelineRenderer.render(options).documents().stream().map(RenderedDocument::yaml)
                    .toList();
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void anUnknownFlavourSetNamesTheSetsThatExist() {
        assertThatThrownBy(() -> PipelineRenderer.render(Samples.options().flavourSet("nope").build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no flavour set named 'nope'")
                .hasMessageContaining("all, testing, aws");
    }

    @Test
    void withoutACommittishTheCheckoutsHeadIsBuilt() throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(Samples.GARDENLINUX.toFile()).start();
        String head = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .strip();
        assertThat(git.waitFor()).isZero();

        Rendering rendering = PipelineRenderer.render(RenderOptions.builder(Samples.GARDENLINUX).now(Samples.NOW)
                .imageBuild(true).build());

        assertThat(rendering.tekton().pipelineRuns().get(0).params()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("committish");
            assertThat(p.value()).isEqualTo(head);
        });
    }

    @Test
    void aFolderThatIsNoCheckoutIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        assertThatThrownBy(() -> PipelineRenderer.render(RenderOptions.builder(empty.resolve("nope")).build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nope: not a directory; setting 'repoRoot' must be a Garden Linux checkout");
    }
}
