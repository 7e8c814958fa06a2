package io.gardenlinux.glci.model.versions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The Garden Linux epoch: the number of days since 2020-04-01, plus one, so 2020-04-01 is epoch 1. It names the
 * Debian snapshot a build uses: the snapshot date of epoch {@code e} is 2020-04-01 plus {@code e - 1} days.
 */
public final class GardenlinuxEpoch {

    /** The day of epoch 1. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2020, 4, 1);

    private static final DateTimeFormatter SNAPSHOT_FORMAT = DateTimeFormatter.BASIC_ISO_DATE;

    private GardenlinuxEpoch() {
    }

    /** The epoch of a day; days before 2020-04-01 have none. */
    public static int of(LocalDate day) {
        long epoch = ChronoUnit.DAYS.between(FIRST_DAY, day) + 1;
        if (epoch < 1) {
            throw new IllegalArgumentException(day + " is before the first Garden Linux epoch (" + FIRST_DAY + ")");
        }
        return Math.toIntExact(epoch);
    }

    /** The day of an epoch. */
    public static LocalDate snapshotDate(int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("a Garden Linux epoch is at least 1, not " + epoch);
        }
        return FIRST_DAY.plusDays(epoch - 1L);
    }

    /** The snapshot date of an epoch as {@code YYYYMMDD}, e.g. {@code 20210212} for epoch 318. */
    public static String snapshotTimestamp(int epoch) {
        return snapshotDate(epoch).format(SNAPSHOT_FORMAT);
    }
}
