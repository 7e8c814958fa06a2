package io.gardenlinux.glci.model.manifests;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The {@code build_timestamp} of a manifest: local time without a zone, as Python's {@code datetime.isoformat()}
 * writes it ({@code 2021-08-04T10:11:12.123456}; the fraction is left out when it is zero).
 */
public final class BuildTimestamp {

    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROSECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private BuildTimestamp() {
    }

    /** Now, in the clock's zone, to the microsecond. */
    public static String now(Clock clock) {
        return format(LocalDateTime.now(clock));
    }

    public static String format(LocalDateTime time) {
        LocalDateTime micros = time.truncatedTo(ChronoUnit.MICROS);
        return micros.getNano() == 0 ? micros.format(WHOLE_SECONDS) : micros.format(MICROSECONDS);
    }

    /** Parses an ISO-8601 local date-time; an {@link IllegalArgumentException} naming the value when it is not one. */
    public static LocalDateTime parse(String timestamp) {
        try {
            return LocalDateTime.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("build_timestamp '" + timestamp
                    + "' is not an ISO-8601 local date-time such as 2021-08-04T10:11:12.123456", e);
        }
    }
}
