package io.gardenlinux.glci.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.gardenlinux.glci.model.credentials.GithubCredentials;
import io.gardenlinux.glci.model.credentials.GithubCredentials.TechnicalUser;
import io.gardenlinux.glci.model.credentials.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original's integration tests, for Tekton v1 without PipelineResources. */
class IntegrationTestsTest {

    private static final GithubCredentials GITHUB = new GithubCredentials("github_com", "https://github.com",
            Optional.empty(), "https://api.github.com", false, List.of(), List.of("https"),
            List.of(new TechnicalUser("gardenlinux-bot", Optional.of(Secret.of("s3cr3t-pa55")), Optional.empty(),
                    Optional.empty(), Optional.empty())), Optional.empty());

    @Test
    void rendersTheTaskThePipelineAndARunThatValidate() {
        Rendering rendering = PipelineRenderer.render(Samples.options().integrationTests(true).imageBuild(true)
                .amiId("ami-0123456789").build());

        assertThat(rendering.documents()).extracting(RenderedDocument::fileName).contains(
                "10-task-integrationtest-gardenlinux-task.yaml", "20-pipeline-integrationtests-all.yaml",
                "30-pipelinerun-integrationtests-all.yaml");
        RenderedDocument run = rendering.documents().stream()
                .filter(d -> d.fileName().equals("30-pipelinerun-integrationtests-all.yaml")).findFirst().orElseThrow();
        assertThat(run.name()).isEqualTo("integrationtests-all-012345-8400");
        assertThat(run.yaml()).contains("value: ami-0123456789");
        String pipeline = rendering.documents().stream().filter(d -> d.name().equals("integrationtests-all")
                && d.kind().equals("Pipeline")).findFirst().orElseThrow().yaml();
        assertThat(pipeline).contains("name: integrationtest-aws", "name: integrationtest-gcp")
                .doesNotContain("runAfter");
        String task = rendering.documents().stream().filter(d -> d.kind().equals("Task")
                && d.name().equals("integrationtest-gardenlinux-task")).findFirst().orElseThrow().yaml();
        assertThat(task).contains("name: github-com-user", "key: password", "pytest --iaas=\"${IAAS}\"")
                .doesNotContain("resources:", "PipelineResource");
    }

    @Test
    void theGitSecretIsAppliedButNeverWritten(@TempDir Path out) throws Exception {
        Rendering rendering = PipelineRenderer.render(Samples.options().integrationTests(true)
                .gitCredentials(GITHUB).build());

        assertThat(rendering.secrets()).singleElement().satisfies(secret -> {
            assertThat(secret.getKind()).isEqualTo("Secret");
            assertThat(secret.getMetadata().getName()).isEqualTo("github-com-user");
            assertThat(secret.getMetadata().getAnnotations()).containsEntry("tekton.dev/git-0", "https://github.com");
            assertThat(secret.<String>get("type")).isEqualTo("kubernetes.io/basic-auth");
            assertThat(secret.<Map<String, String>>get("stringData")).containsEntry("username", "gardenlinux-bot")
                    .containsEntry("password", "s3cr3t-pa55");
        });
        assertThat(rendering.kubernetesResources()).extracting(GenericKubernetesResource::getKind)
                .startsWith("Secret", "Task");

        for (Path file : RenderedFiles.write(rendering, out.resolve("glci"))) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("s3cr3t-pa55");
        }
    }
}
