package io.gardenlinux.glci.render.tekton;

/** A Tekton object glci renders: a {@link Task}, a {@link Pipeline} or a {@link PipelineRun}. */
public sealed interface TektonDocument permits Task, Pipeline, PipelineRun {

    /** {@code Task}, {@code Pipeline} or {@code PipelineRun}. */
    String kind();

    /** {@code metadata.name}. */
    String name();

    /** How messages name the document, e.g. {@code Pipeline 'gardenlinux-build'}. */
    default String label() {
        return kind() + " '" + name() + "'";
    }
}
