package io.gardenlinux.glci.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.render.tekton.TektonApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second opinion on the rendered sample: {@code @ibm/tekton-lint} (the binary named by {@code TEKTON_LINT}) finds no
 * error. Its warnings (snake_case parameter names of the original, parameters only some tasks use) are allowed.
 */
class TektonLintTest {

    @ParameterizedTest
    @EnumSource(TektonApi.class)
    void theRenderedSampleHasNoLintErrors(TektonApi api, @TempDir Path out) throws Exception {
        String lint = System.getenv("TEKTON_LINT");
        assertThat(lint).as("TEKTON_LINT must name the tekton-lint binary (bin/with-test-services sets it)")
                .isNotBlank();
        Rendering rendering = PipelineRenderer.render(Samples.options().tektonApi(api).imageBuild(true)
                .packageBuild(true).integrationTests(api == TektonApi.V1).build());
        Path dir = out.resolve("glci");
        RenderedFiles.write(rendering, dir);

        Process process = new ProcessBuilder(lint, "--format", "json", "--color=false", dir + "/*.yaml")
                .directory(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("tekton-lint finishes").isTrue();

        JsonNode findings = JsonMapper.builder().build().readTree(output);
        List<String> errors = findings.valueStream().filter(f -> f.get("level").asString().equals("error"))
                .map(f -> f.get("path").asString() + ": " + f.get("message").asString() + " (" + f.get("rule")
                        .asString() + ")").toList();
        assertThat(errors).isEmpty();
        assertThat(process.exitValue()).as("tekton-lint exit code; output: %s", output).isZero();
        assertThat(findings.valueStream().map(f -> f.get("path").asString()).distinct().count())
                .as("tekton-lint read the files").isPositive();
    }
}
