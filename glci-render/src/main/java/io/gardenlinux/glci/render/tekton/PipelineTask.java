package io.gardenlinux.glci.render.tekton;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An entry of a Pipeline's {@code tasks} or {@code finally}: a reference to a Task with its parameter values.
 *
 * @param name the name in the pipeline, a DNS label
 * @param taskRef the name of the Task it runs
 * @param params the parameter values passed to the Task
 * @param runAfter the names of the tasks it waits for (always empty in {@code finally})
 * @param timeout how long the task may run, or null for Tekton's default
 */
public record PipelineTask(String name, String taskRef, List<Param> params, List<String> runAfter,
        Duration timeout) {

    public PipelineTask {
        Objects.requireNonNull(name, "name");
        params = List.copyOf(params);
        runAfter = List.copyOf(runAfter);
    }
}
