package io.gardenlinux.glci.model.credentials;

import java.util.Objects;

/**
 * A credential value (a password, key or token). It never shows itself in {@code toString()}, so that it cannot
 * reach a log or an error message by accident; {@link #reveal()} is the one way to read it.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value itself, for the one place that must send it (an SDK, a request header). */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
