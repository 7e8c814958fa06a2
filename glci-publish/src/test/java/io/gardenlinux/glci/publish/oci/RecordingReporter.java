package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.Reporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a library reported, for assertions on the messages a person would read. */
final class RecordingReporter implements Reporter {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    String all() {
        return String.join("\n", lines);
    }
}
