package io.gardenlinux.glci.cluster;

import java.util.List;

/** A followed PipelineRun failed, was cancelled or did not finish in time; names each failed task. */
public class RunFailedException extends ClusterException {

    private static final long serialVersionUID = 1L;

    private final String run;
    private final RunState state;
    private final transient List<FailedTask> failedTasks;

    /**
     * A pipeline task of the run that failed or was cancelled.
     *
     * @param pipelineTask the task's name in the Pipeline
     * @param description the reason and message of its {@code Succeeded} condition
     */
    public record FailedTask(String pipelineTask, String description) {

        /** {@code <pipeline task>: <reason>: <message>}. */
        @Override
        public String toString() {
            return pipelineTask + ": " + description;
        }
    }

    public RunFailedException(String message, String run, RunState state, List<FailedTask> failedTasks) {
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

    /** The failed tasks, in the order of the run's children. */
    public List<FailedTask> failedTasks() {
        return failedTasks;
    }

    /** The pipeline task names of {@link #failedTasks()}. */
    public List<String> failedTaskNames() {
        return failedTasks.stream().map(FailedTask::pipelineTask).toList();
    }
}
