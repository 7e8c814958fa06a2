package io.gardenlinux.glci.cluster;

import java.util.List;

/** A followed PipelineRun failed, was cancelled or did not finish in time; names each failed task. */
public class RunFailedException extends ClusterException {

    private static final long serialVersionUID = 1L;

    private final String run;
    private final RunState state;
    private final transient List<String> failedTasks;

    public RunFailedException(String message, String run, RunState state, List<String> failedTasks) {
        super(message);
        this.run = run;
        this.state = state;
        this.failedTasks = List.copyOf(failedTasks);
    }

    public String run() {
        return run;
    }

    /** How the run ended; {@link RunState#RUNNING} when the wait timed out. */
    public RunState state() {
        return state;
    }

    /** The failed tasks, each as {@code <pipeline task>: <reason>: <message>}. */
    public List<String> failedTasks() {
        return failedTasks;
    }
}
