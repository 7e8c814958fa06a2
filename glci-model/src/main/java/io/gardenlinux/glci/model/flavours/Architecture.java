package io.gardenlinux.glci.model.flavours;

import io.gardenlinux.glci.model.WireValue;
import java.util.Optional;

/** A CPU architecture, named as Debian names it. */
public enum Architecture implements WireValue {
    AMD64("amd64"),
    ARM64("arm64");

    private final String wireValue;

    Architecture(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The name as written in flavours.yaml, manifests and task names. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    public static Optional<Architecture> find(String wireValue) {
        return WireValue.find(Architecture.class, wireValue);
    }

    /** The architecture of that name; the original's error message, plus what is allowed, when there is none. */
    public static Architecture fromWireValue(String wireValue) {
        return find(wireValue).orElseThrow(() -> new IllegalArgumentException(invalid(wireValue)));
    }

    static String invalid(String wireValue) {
        return "'" + wireValue + "' is not a valid Architecture; allowed: " + allowed();
    }

    public static String allowed() {
        return WireValue.allowed(Architecture.class);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
