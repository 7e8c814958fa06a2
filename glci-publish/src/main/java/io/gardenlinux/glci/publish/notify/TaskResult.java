package io.gardenlinux.glci.publish.notify;

import java.util.Objects;

/**
 * The outcome of one task of a pipeline run, as Tekton reports it in {@code $(tasks.<task>.status)}:
 * {@code Succeeded}, {@code Failed} or {@code None} (the task did not run).
 *
 * @param task the key of the status dictionary, e.g. {@code status_build-aws}
 * @param status the status as reported
 */
public record TaskResult(String task, String status) {

    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String NONE = "None";

    public TaskResult {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(status, "status");
    }

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }

    /** The mark in the mail's status table: a check mark, a cross, or {@code ?} for anything else. */
    public String symbol() {
        return succeeded() ? "\u2705" : failed() ? "\u274C" : "?";
    }
}
