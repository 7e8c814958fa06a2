package io.gardenlinux.glci.render.tekton;

import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Tekton Task.
 *
 * @param name {@code metadata.name}
 * @param description what the Task does, or null
 * @param params the parameters it declares
 * @param results the results it declares
 * @param steps the steps, run one after another in one pod
 * @param volumes the volumes its steps mount
 */
public record Task(String name, String description, List<ParamSpec> params, List<TaskResult> results,
        List<Step> steps, List<Volume> volumes) implements TektonDocument {

    public Task {
        Objects.requireNonNull(name, "name");
        params = List.copyOf(params);
        results = List.copyOf(results);
        steps = List.copyOf(steps);
        volumes = List.copyOf(volumes);
    }

    @Override
    public String kind() {
        return "Task";
    }

    /** The declared parameter of that name. */
    public Optional<ParamSpec> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }
}
