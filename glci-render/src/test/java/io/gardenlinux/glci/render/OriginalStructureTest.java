package io.gardenlinux.glci.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.model.build.PublishingActions;
import io.gardenlinux.glci.render.tekton.TektonApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The v1beta1 renders (and the v1 renders of the same inputs) keep the structure of the original's reference renders (src/test/resources/original-structure):
 * the same Pipelines with the same declared parameters, task names, taskRefs, runAfter, finally tasks and parameter
 * values, and runs with the same parameters, for the same inputs. The deliberate differences are applied here by
 * name, and listed in the README.
 */
class OriginalStructureTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VERSION = "27.1.0";

    @ParameterizedTest
    @EnumSource(TektonApi.class)
    void setAllWithManifestsMatchesTheOriginal(TektonApi api) {
        Rendering rendering = PipelineRenderer.render(referenceOptions(Samples.GARDENLINUX).tektonApi(api)
                .flavourSet("all").publishingActions(PublishingActions.parse("manifests")).build());

        assertSameStructure(rendering, "all-manifests");
    }

    @Test
    void ownFlavoursFileWithASingleAwsFlavourMatchesTheOriginal(@TempDir Path tree) throws IOException {
        copyTree(Samples.GARDENLINUX, tree);
        try (InputStream in = resource("flavours-aws-single.yaml")) {
            Files.copy(in, tree.resolve("flavours.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Rendering rendering = PipelineRenderer.render(referenceOptions(tree)
                .flavourSet("aws").publishingActions(PublishingActions.parse("build_only")).build());

        assertSameStructure(rendering, "variant-aws-single");
    }

    private static RenderOptions.Builder referenceOptions(Path tree) {
        return RenderOptions.builder(tree).tektonApi(TektonApi.V1BETA1).committish(Samples.COMMIT).now(Samples.NOW)
                .version(VERSION).branch("main").gitUrl("https://github.com/gardenlinux/gardenlinux")
                .ociPath("eu.gcr.io/gardener-project/gardenlinux").imageBuild(true).packageBuild(true);
    }

    private static void assertSameStructure(Rendering rendering, String referenceCase) {
        JsonNode expected = read(referenceCase + ".yaml");
        Map<String, JsonNode> rendered = new LinkedHashMap<>();
        rendering.documents().forEach(d -> rendered.put(d.kind() + "/" + d.name(), JSON.valueToTree(d.content())));

        for (String pipelineName : List.of("gardenlinux-build", "gl-packages-build")) {
            JsonNode want = expected.get("pipelines").get(pipelineName);
            JsonNode got = rendered.get("Pipeline/" + pipelineName);
            assertThat(got.get("apiVersion").asString()).isEqualTo(rendering.api().apiVersion());
            JsonNode spec = got.get("spec");

            List<String> wantParams = names(want.get("params"));
            if (pipelineName.equals("gl-packages-build")) {
                wantParams.add("key_config_name"); // deliberate: declared, since the run passes it
            }
            assertThat(spec.get("params").valueStream().map(p -> p.get("name").asString()).toList())
                    .as("%s params", pipelineName).isEqualTo(wantParams);

            Map<String, Map<String, Object>> wantTasks = shapes(want.get("tasks"));
            Map<String, Map<String, Object>> gotTasks = shapes(renderedTasks(spec.get("tasks")));
            applyDeliberateDifferences(wantTasks);
            assertThat(gotTasks).as("%s tasks", pipelineName).isEqualTo(wantTasks);
            assertThat(firstAndLast(spec.get("tasks"))).isEqualTo(firstAndLast(want.get("tasks")));

            Map<String, Map<String, Object>> wantFinally = shapes(want.get("finally"));
            Map<String, Map<String, Object>> gotFinally = shapes(renderedTasks(spec.get("finally")));
            assertThat(gotFinally).as("%s finally", pipelineName).isEqualTo(wantFinally);
        }

        for (String pipelineName : List.of("gardenlinux-build", "gl-packages-build")) {
            JsonNode want = expected.get("runs").get(pipelineName);
            JsonNode got = rendered.values().stream().filter(d -> d.get("kind").asString().equals("PipelineRun")
                    && d.get("spec").get("pipelineRef").get("name").asString().equals(pipelineName))
                    .findFirst().orElseThrow();
            assertThat(nameParts(got.get("metadata").get("name").asString()))
                    .isEqualTo(nameParts(want.get("name").asString()));
            Map<String, Object> wantParams = new LinkedHashMap<>();
            want.get("params").properties().forEach(e -> wantParams.put(e.getKey(), e.getValue().asString()));
            Map<String, Object> gotParams = new LinkedHashMap<>();
            got.get("spec").get("params").forEach(p -> gotParams.put(p.get("name").asString(),
                    p.get("value").asString()));
            // the action order of the original was the iteration order of a Python set
            wantParams.put("publishing_actions", Set.copyOf(Arrays.asList(
                    ((String) wantParams.get("publishing_actions")).split(","))));
            gotParams.put("publishing_actions", Set.copyOf(Arrays.asList(
                    ((String) gotParams.get("publishing_actions")).split(","))));
            assertThat(gotParams).as("%s run params", pipelineName).isEqualTo(wantParams);
            assertThat(List.copyOf(gotParamsOrder(got))).isEqualTo(names(want.get("params").propertyNames()));
        }
    }

    /** promote also gets the build type; package tasks the signing key's name. */
    private static void applyDeliberateDifferences(Map<String, Map<String, Object>> tasks) {
        tasks.forEach((name, task) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) task.get("params");
            String ref = (String) task.get("taskRef");
            if (ref.equals("promote-gardenlinux-task")) {
                params.put("promote_target", "$(params.promote_target)");
            }
            if (ref.equals("build-packages") || ref.equals("build-kernel-packages")) {
                params.put("key_config_name", "$(params.key_config_name)");
            }
        });
    }

    /** Rendered tasks in the shape of the structure file. */
    private static List<JsonNode> renderedTasks(JsonNode tasks) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode task : tasks) {
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("name", task.get("name").asString());
            shape.put("taskRef", task.get("taskRef").get("name").asString());
            shape.put("runAfter", task.has("runAfter") ? task.get("runAfter") : JSON.createArrayNode());
            Map<String, String> params = new LinkedHashMap<>();
            task.get("params").forEach(p -> params.put(p.get("name").asString(), p.get("value").asString()));
            shape.put("params", params);
            result.add(JSON.valueToTree(shape));
        }
        return result;
    }

    /** Task name to taskRef, runAfter as a set and params as a map (status_dict_str parsed). */
    private static Map<String, Map<String, Object>> shapes(Iterable<JsonNode> tasks) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (JsonNode task : tasks) {
            Map<String, Object> params = new LinkedHashMap<>();
            task.get("params").properties().forEach(e -> params.put(e.getKey(), e.getKey().equals("status_dict_str")
                    ? JSON.readValue(e.getValue().asString(), Map.class) : e.getValue().asString()));
            Set<String> runAfter = new HashSet<>();
            task.get("runAfter").forEach(r -> runAfter.add(r.asString()));
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("taskRef", task.get("taskRef").asString());
            shape.put("runAfter", runAfter);
            shape.put("params", params);
            result.put(task.get("name").asString(), shape);
        }
        return result;
    }

    private static List<String> firstAndLast(JsonNode tasks) {
        return List.of(tasks.get(0).get("name").asString(), tasks.get(tasks.size() - 1).get("name").asString());
    }

    private static List<String> gotParamsOrder(JsonNode run) {
        return run.get("spec").get("params").valueStream().map(p -> p.get("name").asString()).toList();
    }

    /** The parts of a run name; the order of the action abbreviations followed a Python set. */
    private static Set<String> nameParts(String name) {
        return Set.copyOf(Arrays.asList(name.split("-")));
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asString()));
        return names;
    }

    private static List<String> names(Iterable<String> names) {
        List<String> result = new ArrayList<>();
        names.forEach(result::add);
        return result;
    }

    private static JsonNode read(String name) {
        try (InputStream in = resource(name)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = OriginalStructureTest.class.getResourceAsStream("/original-structure/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
