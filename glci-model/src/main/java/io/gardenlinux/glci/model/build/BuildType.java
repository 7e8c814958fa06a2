package io.gardenlinux.glci.model.build;

import io.gardenlinux.glci.model.WireValue;
import java.util.Optional;

/**
 * The kind of a build (the original's "promote target"): it chooses where a manifest set is stored,
 * {@code meta/sets/<build type>/}, and how the set is named.
 */
public enum BuildType implements WireValue {
    SNAPSHOT("snapshot"),
    DAILY("daily"),
    RELEASE("release");

    private final String wireValue;

    BuildType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    public static Optional<BuildType> find(String wireValue) {
        return WireValue.find(BuildType.class, wireValue);
    }

    /** The build type of that name; an {@link IllegalArgumentException} naming the allowed values when there is none. */
    public static BuildType fromWireValue(String wireValue) {
        return find(wireValue).orElseThrow(() -> new IllegalArgumentException("'" + wireValue
                + "' is not a valid BuildType; allowed: " + WireValue.allowed(BuildType.class)));
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
