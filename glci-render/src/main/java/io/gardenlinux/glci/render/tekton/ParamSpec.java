package io.gardenlinux.glci.render.tekton;

import java.util.Objects;

/**
 * A parameter a Task or Pipeline declares. Every glci parameter is of type {@code string}.
 *
 * @param name the parameter's name
 * @param description what it is for, or null
 * @param defaultValue its default, or null when the parameter is required
 */
public record ParamSpec(String name, String description, String defaultValue) {

    /** The only parameter type glci declares. */
    public static final String TYPE = "string";

    public ParamSpec {
        Objects.requireNonNull(name, "name");
    }

    /** A required parameter. */
    public static ParamSpec required(String name, String description) {
        return new ParamSpec(name, description, null);
    }

    /** A parameter with a default. */
    public static ParamSpec optional(String name, String description, String defaultValue) {
        return new ParamSpec(name, description, Objects.requireNonNull(defaultValue, "defaultValue"));
    }

    public boolean isRequired() {
        return defaultValue == null;
    }
}
