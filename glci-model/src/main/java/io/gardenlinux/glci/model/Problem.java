package io.gardenlinux.glci.model;

import java.util.Objects;

/**
 * One thing wrong with an input: where it is ({@code source}, e.g. a file, and {@code location} inside it, e.g.
 * {@code flavour_sets[0] 'all', flavour_combinations[1]}) and what is wrong, including the value and what is allowed.
 *
 * @param source the file or document, never null
 * @param location the entry inside the source, or empty when the problem concerns the whole source
 * @param message what is wrong and what is allowed
 */
public record Problem(String source, String location, String message) {

    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location.isEmpty() ? source + ": " + message : source + ": " + location + ": " + message;
    }
}
