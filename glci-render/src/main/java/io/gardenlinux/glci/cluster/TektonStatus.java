package io.gardenlinux.glci.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.gardenlinux.glci.model.yaml.YamlDocuments;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of Tekton's status that glci reads, typed: conditions, a PipelineRun's child TaskRuns ({@code v1}
 * {@code status.childReferences} and {@code v1beta1} {@code status.taskRuns}) and a TaskRun's pod and steps.
 * Everything else in a status is ignored, so that newer Tekton versions read the same.
 */
public final class TektonStatus {

    private TektonStatus() {
    }

    /** A status condition; Tekton's is always of type {@code Succeeded}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Condition(String type, String status, String reason, String message, String lastTransitionTime) {
    }

    /** {@code v1} {@code status.childReferences[]}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChildReference(String apiVersion, String kind, String name, String pipelineTaskName) {
    }

    /** {@code v1beta1} {@code status.taskRuns.<name>}: the TaskRun's pipeline task and a copy of its status. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EmbeddedTaskRun(String pipelineTaskName, TaskRunStatus status) {
    }

    /** The status of a PipelineRun. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PipelineRunStatus(List<Condition> conditions, String startTime, String completionTime,
            List<ChildReference> childReferences, Map<String, EmbeddedTaskRun> taskRuns) {

        public PipelineRunStatus {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            childReferences = childReferences == null ? List.of() : List.copyOf(childReferences);
            taskRuns = taskRuns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(taskRuns));
        }
    }

    /** A step's container state; exactly one of the three is set by Tekton. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StepState(String name, String container, Terminated terminated, Map<String, Object> running,
            Map<String, Object> waiting) {

        /** The container name of the step: Tekton's {@code container}, else {@code step-<name>}. */
        public String containerName() {
            return container != null ? container : "step-" + name;
        }

        /** Whether the step ended with a non-zero exit code. */
        public boolean failed() {
            return terminated != null && terminated.exitCode() != null && terminated.exitCode() != 0;
        }
    }

    /** A terminated container. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Terminated(Integer exitCode, String reason, String message) {
    }

    /** The status of a TaskRun. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskRunStatus(List<Condition> conditions, String podName, String startTime, String completionTime,
            List<StepState> steps) {

        public TaskRunStatus {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /** The {@code Succeeded} condition, the newest when there are several. */
    public static Optional<Condition> succeeded(List<Condition> conditions) {
        return conditions.stream()
                .filter(c -> "Succeeded".equals(c.type()))
                .reduce((a, b) -> newer(b, a));
    }

    private static Condition newer(Condition candidate, Condition current) {
        String c = candidate.lastTransitionTime() == null ? "" : candidate.lastTransitionTime();
        String s = current.lastTransitionTime() == null ? "" : current.lastTransitionTime();
        return c.compareTo(s) >= 0 ? candidate : current;
    }

    /** A PipelineRun's status; empty fields when it has none yet. */
    public static PipelineRunStatus pipelineRun(GenericKubernetesResource run) {
        return read(run, PipelineRunStatus.class, new PipelineRunStatus(null, null, null, null, null));
    }

    /** A TaskRun's status; empty fields when it has none yet. */
    public static TaskRunStatus taskRun(GenericKubernetesResource taskRun) {
        return read(taskRun, TaskRunStatus.class, new TaskRunStatus(null, null, null, null, null));
    }

    private static <T> T read(GenericKubernetesResource resource, Class<T> type, T empty) {
        Object status = resource.getAdditionalProperties().get("status");
        return status == null ? empty : YamlDocuments.json().convertValue(status, type);
    }
}
