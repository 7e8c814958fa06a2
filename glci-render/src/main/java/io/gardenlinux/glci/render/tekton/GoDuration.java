package io.gardenlinux.glci.render.tekton;

import java.time.Duration;

/** Durations as Kubernetes and Tekton write them: Go's {@code time.Duration} syntax, e.g. {@code 1h}, {@code 6h30m}. */
public final class GoDuration {

    private GoDuration() {
    }

    /** {@code 1h}, {@code 90m} as {@code 1h30m}, {@code 0s}; negative durations keep their sign. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration rest = duration.abs();
        long hours = rest.toHours();
        int minutes = rest.toMinutesPart();
        int seconds = rest.toSecondsPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0 || (hours == 0 && minutes == 0)) {
            text.append(seconds).append('s');
        }
        return text.toString();
    }
}
