package io.gardenlinux.glci.render.tekton;

import java.util.Objects;

/**
 * A parameter value a PipelineTask or PipelineRun passes.
 *
 * @param name the parameter's name
 * @param value its value, a literal or a Tekton variable such as {@code $(params.version)}
 */
public record Param(String name, String value) {

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Passes the pipeline's parameter of the same name: {@code value: $(params.<name>)}. */
    public static Param forward(String name) {
        return new Param(name, "$(params." + name + ")");
    }
}
