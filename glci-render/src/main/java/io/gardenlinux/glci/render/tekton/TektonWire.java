package io.gardenlinux.glci.render.tekton;

import io.gardenlinux.glci.model.settings.GoDuration;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The wire format of rendered objects: each object becomes an ordered map with the keys in the order Kubernetes
 * documentation writes them ({@code apiVersion, kind, metadata, spec}, then the fields in declaration order), with no
 * empty or null fields, and then YAML. Writing the same objects twice gives the same bytes.
 */
public final class TektonWire {

    /** Keys whose empty mapping means something ({@code emptyDir: {}} is a volume), so they are never dropped. */
    private static final Set<String> MEANINGFUL_WHEN_EMPTY = Set.of("emptyDir");

    /** Sorts the entries of maps inside fabric8 objects (resource quantities, selectors): stable output. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private TektonWire() {
    }

    /** The document as an ordered map for {@code api}. */
    public static Map<String, Object> toMap(TektonDocument document, TektonApi api) {
        if (document instanceof Task task) {
            return task(task, api);
        }
        if (document instanceof Pipeline pipeline) {
            return pipeline(pipeline, api);
        }
        return pipelineRun((PipelineRun) document, api);
    }

    /** A Kubernetes object (the cluster setup objects) as an ordered map without empty fields. */
    public static Map<String, Object> toMap(HasMetadata object) {
        Map<String, Object> converted = JSON.convertValue(object, MAP);
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : List.of("apiVersion", "kind", "metadata")) {
            if (converted.containsKey(key)) {
                ordered.put(key, converted.remove(key));
            }
        }
        ordered.putAll(converted);
        return prune(ordered);
    }

    /** The map as one YAML document, without a leading {@code ---}. */
    public static String toYaml(Map<String, Object> document) {
        return YAML.writeValueAsString(document);
    }

    /** The map as JSON, as the Kubernetes API receives it (to measure its size). */
    public static byte[] toJson(Map<String, Object> document) {
        return JSON.writeValueAsBytes(document);
    }

    private static Map<String, Object> task(Task task, TektonApi api) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("description", task.description());
        spec.put("params", task.params().stream().map(TektonWire::paramSpec).toList());
        spec.put("results", task.results().stream().map(r -> ordered("name", r.name(), "description",
                r.description())).toList());
        spec.put("volumes", task.volumes().stream().map(TektonWire::fabric8).toList());
        List<Object> steps = new ArrayList<>();
        for (Step step : task.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", step.name());
            s.put("image", step.image());
            s.put("env", step.env().stream().map(TektonWire::fabric8).toList());
            s.put("volumeMounts", step.volumeMounts().stream().map(TektonWire::fabric8).toList());
            s.put(api == TektonApi.V1 ? "computeResources" : "resources", fabric8(step.resources()));
            s.put("securityContext", fabric8(step.securityContext()));
            s.put("script", step.script());
            steps.add(s);
        }
        spec.put("steps", steps);
        return document(api, "Task", task.name(), spec);
    }

    private static Map<String, Object> pipeline(Pipeline pipeline, TektonApi api) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("description", pipeline.description());
        spec.put("params", pipeline.params().stream().map(TektonWire::paramSpec).toList());
        spec.put("tasks", pipeline.tasks().stream().map(TektonWire::pipelineTask).toList());
        spec.put("finally", pipeline.finallyTasks().stream().map(TektonWire::pipelineTask).toList());
        return document(api, "Pipeline", pipeline.name(), spec);
    }

    private static Map<String, Object> pipelineRun(PipelineRun run, TektonApi api) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("pipelineRef", Map.of("name", run.pipelineRef()));
        spec.put("params", run.params().stream().map(TektonWire::param).toList());
        Map<String, Object> podTemplate = run.podTemplate() == null ? null : ordered(
                "nodeSelector", run.podTemplate().nodeSelector(),
                "securityContext", fabric8(run.podTemplate().securityContext()));
        String timeout = run.timeout() == null ? null : GoDuration.format(run.timeout());
        if (api == TektonApi.V1) {
            spec.put("taskRunTemplate", ordered("serviceAccountName", run.serviceAccountName(),
                    "podTemplate", podTemplate));
            spec.put("timeouts", timeout == null ? null : Map.of("pipeline", timeout));
        } else {
            spec.put("serviceAccountName", run.serviceAccountName());
            spec.put("podTemplate", podTemplate);
            spec.put("timeout", timeout);
        }
        return document(api, "PipelineRun", run.name(), spec);
    }

    private static Map<String, Object> pipelineTask(PipelineTask task) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", task.name());
        t.put("taskRef", Map.of("name", task.taskRef()));
        t.put("runAfter", task.runAfter());
        t.put("timeout", task.timeout() == null ? null : GoDuration.format(task.timeout()));
        t.put("params", task.params().stream().map(TektonWire::param).toList());
        return t;
    }

    private static Map<String, Object> paramSpec(ParamSpec param) {
        return ordered("name", param.name(), "type", ParamSpec.TYPE, "description", param.description(),
                "default", param.defaultValue());
    }

    private static Map<String, Object> param(Param param) {
        return ordered("name", param.name(), "value", param.value());
    }

    private static Map<String, Object> document(TektonApi api, String kind, String name, Map<String, Object> spec) {
        return prune(ordered("apiVersion", api.apiVersion(), "kind", kind, "metadata", Map.of("name", name),
                "spec", spec));
    }

    private static Map<String, Object> fabric8(Object value) {
        return value == null ? null : JSON.convertValue(value, MAP);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Drops nulls, empty lists and empty maps (except {@link #MEANINGFUL_WHEN_EMPTY}) at every level. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> prune(Map<String, Object> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                Map<String, Object> pruned = prune((Map<String, Object>) nested);
                if (!pruned.isEmpty() || MEANINGFUL_WHEN_EMPTY.contains(entry.getKey())) {
                    result.put(entry.getKey(), pruned);
                }
            } else if (value instanceof List<?> list) {
                List<Object> pruned = pruneList(list);
                if (!pruned.isEmpty()) {
                    result.put(entry.getKey(), pruned);
                }
            } else if (value != null) {
                result.put(entry.getKey(), value);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> pruneList(List<?> list) {
        List<Object> result = new ArrayList<>(list.size());
        for (Object element : list) {
            result.add(element instanceof Map<?, ?> map ? prune((Map<String, Object>) map) : element);
        }
        return result;
    }
}
