package io.gardenlinux.glci.model.build;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kind of a build (the original's "promote target"): it chooses where a manifest set is stored,
 * {@code meta/sets/<build type>/}, and how the set is named.
 */
public enum BuildType {
    SNAPSHOT("snapshot"),
    DAILY("daily"),
    RELEASE("release");

    private final String wireValue;

    BuildType(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    public static Optional<BuildType> find(String wireValue) {
        return Arrays.stream(values()).filter(t -> t.wireValue.equals(wireValue)).findFirst();
    }

    /** The build type of that name; an {@link IllegalArgumentException} naming the allowed values when there is none. */
    public static BuildType fromWireValue(String wireValue) {
        return find(wireValue).orElseThrow(() -> new IllegalArgumentException("'" + wireValue
                + "' is not a valid BuildType; allowed: " + Arrays.stream(values()).map(BuildType::wireValue)
                .collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
