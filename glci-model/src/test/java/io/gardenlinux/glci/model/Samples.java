package io.gardenlinux.glci.model;

import io.gardenlinux.glci.model.features.FeatureGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample Garden Linux tree and CI configuration of this repository, and helpers to write broken variants. */
public final class Samples {

    /** The sample tree: features with the names and includes of the 2021 Garden Linux tree, flavours.yaml, VERSION. */
    public static final Path GARDENLINUX = Path.of("..", "samples", "gardenlinux").toAbsolutePath().normalize();
    public static final Path CFG = Path.of("..", "cfg").toAbsolutePath().normalize();

    /** The commit of the original CI's reference renders. */
    public static final String COMMIT = "c03ea4d3d0905b463e78bbb582853a8bc4437496";

    private static FeatureGraph features;

    private Samples() {
    }

    public static synchronized FeatureGraph features() {
        if (features == null) {
            features = FeatureGraph.load(GARDENLINUX.resolve("features"));
        }
        return features;
    }

    /** Writes {@code content} to {@code dir/relative}, creating folders. */
    public static Path write(Path dir, String relative, String content) {
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
