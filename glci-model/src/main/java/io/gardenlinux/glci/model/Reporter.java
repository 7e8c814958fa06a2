package io.gardenlinux.glci.model;

/**
 * How glci's libraries tell their user what they do. Libraries never print; the Maven plugin maps a reporter onto
 * Maven's log, another tool onto its own.
 */
public interface Reporter {

    void debug(String message);

    void info(String message);

    void warn(String message);

    /**
     * Progress of a long operation (an upload, a wait, a cloud import). {@code total} is negative when unknown.
     * The default reports it as a debug line; a terminal front end may draw a progress bar instead.
     */
    default void progress(String operation, long done, long total) {
        debug(total < 0 ? operation + ": " + done : operation + ": " + done + "/" + total);
    }

    /** A reporter that drops everything, for callers that want no output. */
    static Reporter silent() {
        return new Reporter() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
    }
}
