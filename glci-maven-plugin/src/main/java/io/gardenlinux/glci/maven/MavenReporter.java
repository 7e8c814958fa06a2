package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.Reporter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.plugin.logging.Log;

/**
 * Shows what glci's libraries report on Maven's log, in Maven's words ({@link MavenWording}). Progress of a long
 * operation is shown as a line at every tenth of the way (and at its end), so that a CI log stays readable and a
 * terminal still sees movement.
 */
final class MavenReporter implements Reporter {

    private final Log log;
    private final Map<String, Long> lastTenth = new ConcurrentHashMap<>();

    MavenReporter(Log log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(MavenWording.words(message));
        }
    }

    @Override
    public void info(String message) {
        log.info(MavenWording.words(message));
    }

    @Override
    public void warn(String message) {
        log.warn(MavenWording.words(message));
    }

    @Override
    public void progress(String operation, long done, long total) {
        if (total <= 0) {
            info(operation + ": " + done);
            return;
        }
        long tenth = Math.min(10, done * 10 / total);
        Long previous = lastTenth.put(operation, tenth);
        if (previous == null || tenth > previous) {
            info(operation + ": " + (tenth * 10) + "% (" + done + "/" + total + ")");
        }
        if (done >= total) {
            lastTenth.remove(operation);
        }
    }
}
