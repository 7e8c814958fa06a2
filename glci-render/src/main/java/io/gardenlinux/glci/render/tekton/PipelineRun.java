package io.gardenlinux.glci.render.tekton;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Tekton PipelineRun: one start of a Pipeline.
 *
 * @param name {@code metadata.name}, at most 63 characters
 * @param pipelineRef the Pipeline it runs
 * @param params the values of the Pipeline's parameters
 * @param serviceAccountName the service account of its pods, or null for the namespace's {@code default}
 * @param podTemplate pod settings, or null
 * @param timeout how long the whole run may take
 */
public record PipelineRun(String name, String pipelineRef, List<Param> params, String serviceAccountName,
        PodTemplate podTemplate, Duration timeout) implements TektonDocument {

    public PipelineRun {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pipelineRef, "pipelineRef");
        params = List.copyOf(params);
    }

    @Override
    public String kind() {
        return "PipelineRun";
    }
}
