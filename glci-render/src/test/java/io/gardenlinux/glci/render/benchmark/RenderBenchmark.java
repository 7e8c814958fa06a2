package io.gardenlinux.glci.render.benchmark;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.render.PipelineRenderer;
import io.gardenlinux.glci.render.RenderOptions;
import io.gardenlinux.glci.render.RenderedDocument;
import io.gardenlinux.glci.render.Rendering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rendering, validating and serialising a flavour set of 10 to 10,000 flavours: a synthetic Garden Linux tree with 10
 * platforms and one flag per 10 flavours, read from disk on every render, as {@code glci:render} does. A pipeline of
 * 10,000 flavours is larger than the Kubernetes API stores, so that case measures the time to refuse it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {

    private static final int PLATFORMS = 10;

    @Param({"10", "100", "1000", "10000"})
    public int flavours;

    private Path tree;
    RenderOptions options;

    @Setup(Level.Trial)
    public void writeTree() throws IOException {
        tree = Files.createTempDirectory("glci-render-benchmark");
        StringBuilder platforms = new StringBuilder();
        for (int p = 0; p < PLATFORMS; p++) {
            feature("p" + p, "platform");
            platforms.append(p == 0 ? "" : ", ").append("p").append(p);
        }
        StringBuilder modifiers = new StringBuilder();
        for (int m = 0; m < flavours / PLATFORMS; m++) {
            feature("_m" + m, "flag");
            modifiers.append(m == 0 ? "" : ", ").append("[ _m").append(m).append(" ]");
        }
        Files.writeString(tree.resolve("flavours.yaml"), "flavour_sets:\n  - name: all\n    flavour_combinations:\n"
                + "      - architectures: [ amd64 ]\n        platforms: [ " + platforms + " ]\n        modifiers: [ "
                + modifiers + " ]\n");
        Files.writeString(tree.resolve("VERSION"), "318.9\n");
        options = RenderOptions.builder(tree).committish("0123456789abcdef0123456789abcdef01234567")
                .imageBuild(true).packageBuild(true).now(Instant.parse("2021-08-04T12:00:00Z")).build();
    }

    private void feature(String name, String type) throws IOException {
        Path dir = Files.createDirectories(tree.resolve("features").resolve(name));
        Files.writeString(dir.resolve("info.yaml"), "description: \"" + name + "\"\ntype: " + type + "\n");
    }

    @TearDown(Level.Trial)
    public void deleteTree() throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Reads the tree, renders, validates and turns every object into YAML. */
    @Benchmark
    public void renderValidateAndSerialise(Blackhole sink) {
        try {
            Rendering rendering = PipelineRenderer.render(options);
            for (RenderedDocument document : rendering.documents()) {
                sink.consume(document.yaml());
            }
        } catch (InvalidInputException e) {
            sink.consume(e);
        }
    }
}
