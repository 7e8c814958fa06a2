package io.gardenlinux.glci.cluster;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to follow a PipelineRun.
 *
 * @param allLogs show the logs of every step ({@code glci.logs}); otherwise only of failed steps
 * @param timeout how long to wait at most ({@code glci.timeout}); empty: the run's own timeout
 * @param tailLines how many of a failed step's last log lines to show when not showing all logs
 * @param heartbeat how often to say that a long run is still running
 */
public record FollowOptions(boolean allLogs, Optional<Duration> timeout, int tailLines, Duration heartbeat) {

    /** The default number of log lines shown of a failed step. */
    public static final int DEFAULT_TAIL_LINES = 100;

    public FollowOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (tailLines < 1) {
            throw new IllegalArgumentException("tailLines must be at least 1");
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive, not " + heartbeat);
        }
    }

    /** Failed steps' log tails, the run's own timeout, a line every 5 minutes. */
    public static FollowOptions defaults() {
        return new FollowOptions(false, Optional.empty(), DEFAULT_TAIL_LINES, Duration.ofMinutes(5));
    }

    public FollowOptions withAllLogs(boolean all) {
        return new FollowOptions(all, timeout, tailLines, heartbeat);
    }

    public FollowOptions withTimeout(Optional<Duration> limit) {
        return new FollowOptions(allLogs, limit, tailLines, heartbeat);
    }
}
