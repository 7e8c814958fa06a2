package io.gardenlinux.glci.cluster;

/**
 * One object glci put into the cluster and what that did.
 *
 * @param kind the object's kind, e.g. {@code Task}
 * @param name the object's name
 * @param outcome created, updated, or unchanged because the cluster already held it
 */
public record Applied(String kind, String name, Outcome outcome) {

    /** What applying an object did. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return kind + " " + name + " (" + outcome + ")";
    }
}
