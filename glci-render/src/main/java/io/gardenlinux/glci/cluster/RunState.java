package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.cluster.TektonStatus.Condition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a PipelineRun or TaskRun stands, from its {@code Succeeded} condition: not started, running, succeeded,
 * failed or cancelled (a cancelled run is also a failure for whoever waits on it).
 */
public enum RunState {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    private static final Set<String> CANCELLED_REASONS = Set.of("Cancelled", "PipelineRunCancelled",
            "TaskRunCancelled", "StoppedRunFinally", "CancelledRunFinally");

    /** The state for a status's conditions. */
    public static RunState of(List<Condition> conditions) {
        Optional<Condition> succeeded = TektonStatus.succeeded(conditions);
        if (succeeded.isEmpty()) {
            return PENDING;
        }
        Condition c = succeeded.get();
        if ("True".equals(c.status())) {
            return SUCCEEDED;
        }
        if ("False".equals(c.status())) {
            return c.reason() != null && CANCELLED_REASONS.contains(c.reason()) ? CANCELLED : FAILED;
        }
        return RUNNING;
    }

    /** Whether the run has ended. */
    public boolean done() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
