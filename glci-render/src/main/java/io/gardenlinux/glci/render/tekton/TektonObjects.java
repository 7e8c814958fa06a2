package io.gardenlinux.glci.render.tekton;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Tekton objects of one render.
 *
 * @param tasks the Tasks
 * @param pipelines the Pipelines
 * @param pipelineRuns the PipelineRuns
 */
public record TektonObjects(List<Task> tasks, List<Pipeline> pipelines, List<PipelineRun> pipelineRuns) {

    public TektonObjects {
        tasks = List.copyOf(tasks);
        pipelines = List.copyOf(pipelines);
        pipelineRuns = List.copyOf(pipelineRuns);
    }

    /** Tasks, then Pipelines, then PipelineRuns. */
    public Stream<TektonDocument> documents() {
        return Stream.of(tasks.stream(), pipelines.stream(), pipelineRuns.stream()).flatMap(s -> s);
    }
}
