package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.model.Reporter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a library reported, as {@code LEVEL message} lines, and lets a test wait for a line. */
final class RecordingReporter implements Reporter {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void debug(String message) {
        lines.add("DEBUG " + message);
        notifyAll();
    }

    @Override
    public synchronized void info(String message) {
        lines.add("INFO " + message);
        notifyAll();
    }

    @Override
    public synchronized void warn(String message) {
        lines.add("WARN " + message);
        notifyAll();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized String text() {
        return String.join("\n", lines);
    }

    /** Waits until a line contains {@code part}; fails the test after {@code limit}. */
    synchronized void awaitLine(String part, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (lines.stream().noneMatch(l -> l.contains(part))) {
            long left = Duration.between(Instant.now(), end).toMillis();
            if (left <= 0) {
                throw new AssertionError("no line containing '" + part + "' within " + limit + "; lines:\n" + text());
            }
            wait(left);
        }
    }
}
