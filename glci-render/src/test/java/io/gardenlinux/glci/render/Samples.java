package io.gardenlinux.glci.render;

import java.nio.file.Path;
import java.time.Instant;

/** The sample Garden Linux tree of this repository and the fixed inputs the render tests use. */
final class Samples {

    static final Path GARDENLINUX = Path.of("..", "samples", "gardenlinux").toAbsolutePath().normalize();
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    /** 2021-08-04 12:00:00 UTC, as the reference renders: run names end in 8400. */
    static final Instant NOW = Instant.parse("2021-08-04T12:00:00Z");

    private Samples() {
    }

    /** The options of the reference case {@code all-manifests}. */
    static RenderOptions.Builder options() {
        return RenderOptions.builder(GARDENLINUX).committish(COMMIT).now(NOW);
    }
}
