package io.gardenlinux.glci.render.tekton;

import java.util.Objects;

/**
 * A string result a Task declares.
 *
 * @param name the result's name
 * @param description what it holds
 */
public record TaskResult(String name, String description) {

    public TaskResult {
        Objects.requireNonNull(name, "name");
    }
}
