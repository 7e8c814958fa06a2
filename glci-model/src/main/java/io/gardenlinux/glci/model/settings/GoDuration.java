package io.gardenlinux.glci.model.settings;

import io.gardenlinux.glci.model.GlciException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Kubernetes and Tekton write them (Go's {@code time.ParseDuration}: {@code 1h30m}, {@code 6h0m0s},
 * {@code 90s}, {@code 0}), and back. Hand-written because no Java library on the class path reads Go's format,
 * and the format is a few units.
 */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");

    private GoDuration() {
    }

    /** Parses {@code value}; {@code what} names it in the error, a {@link GlciException}. */
    public static Duration parse(String value, String what) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new GlciException(what + " '" + value + "' " + e.getMessage());
        }
    }

    /** Parses {@code value}; an {@link IllegalArgumentException} saying what is allowed when it is no duration. */
    public static Duration parse(String value) {
        String text = value.strip();
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            BigDecimal amount = new BigDecimal(m.group(1));
            long nanosPerUnit = switch (m.group(2)) {
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "us", "µs" -> 1_000L;
                default -> 1L;
            };
            total = total.plusNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            throw new IllegalArgumentException("is not a duration; write it like 45m, 2h or 1h30m");
        }
        return total;
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
