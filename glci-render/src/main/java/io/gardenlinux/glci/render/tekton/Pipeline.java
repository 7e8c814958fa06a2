package io.gardenlinux.glci.render.tekton;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A Tekton Pipeline.
 *
 * @param name {@code metadata.name}
 * @param description what it builds, or null
 * @param params the parameters it declares
 * @param tasks its tasks, ordered by {@code runAfter}
 * @param finallyTasks the tasks that run after all others, whatever their outcome
 */
public record Pipeline(String name, String description, List<ParamSpec> params, List<PipelineTask> tasks,
        List<PipelineTask> finallyTasks) implements TektonDocument {

    public Pipeline {
        Objects.requireNonNull(name, "name");
        params = List.copyOf(params);
        tasks = List.copyOf(tasks);
        finallyTasks = List.copyOf(finallyTasks);
    }

    @Override
    public String kind() {
        return "Pipeline";
    }

    /** The tasks and then the finally tasks. */
    public Stream<PipelineTask> allTasks() {
        return Stream.concat(tasks.stream(), finallyTasks.stream());
    }
}
