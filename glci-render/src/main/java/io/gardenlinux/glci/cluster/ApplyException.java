package io.gardenlinux.glci.cluster;

import java.util.List;
import java.util.stream.Collectors;

/** Applying stopped halfway: the failure, and what had already been applied before it. */
public class ApplyException extends ClusterException {

    private static final long serialVersionUID = 1L;

    private final transient List<Applied> applied;

    public ApplyException(ClusterException failure, List<Applied> applied) {
        super(failure.getMessage() + (applied.isEmpty() ? "; nothing was applied before"
                : "; applied before it stopped: " + applied.stream().map(Applied::toString)
                        .collect(Collectors.joining(", "))), failure);
        this.applied = List.copyOf(applied);
    }

    /** What had been applied before the failure, in order. */
    public List<Applied> applied() {
        return applied;
    }
}
