package io.gardenlinux.glci.render;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.GlciException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a {@link Rendering} as one YAML file per object. The files are written into a new folder next to the
 * output directory, which then replaces the output directory: a reader sees the old files or the new ones, never a
 * mix, and a failure leaves the old files untouched. A folder holding anything but earlier renders (files named
 * like {@code 10-task-build-baseimage.yaml}) is never replaced.
 */
public final class RenderedFiles {

    /** The names of rendered files: a two-digit group, a kind and a name. */
    private static final Pattern RENDERED = Pattern.compile("\\d\\d-[a-z0-9.-]+\\.yaml");

    private RenderedFiles() {
    }

    /** Writes every document of {@code rendering} to {@code outputDirectory}; returns the files written. */
    public static List<Path> write(Rendering rendering, Path outputDirectory) {
        Path target = outputDirectory.toAbsolutePath().normalize();
        Path parent = target.getParent();
        checkOnlyRenders(target);
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
            for (RenderedDocument document : rendering.documents()) {
                Files.writeString(staging.resolve(document.fileName()), document.yaml(), StandardCharsets.UTF_8);
            }
            Path previous = null;
            if (Files.exists(target)) {
                previous = Files.createTempDirectory(parent, "." + target.getFileName() + "-old-");
                Files.delete(previous);
                move(target, previous);
            }
            move(staging, target);
            staging = null;
            if (previous != null) {
                deleteTree(previous);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new GlciException("cannot write the rendered documents to " + target + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
        List<Path> written = new ArrayList<>();
        rendering.documents().forEach(d -> written.add(target.resolve(d.fileName())));
        return written;
    }

    /** The output folder is replaced as a whole: it must hold nothing but earlier renders. */
    private static void checkOnlyRenders(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new GlciException(target + " is a file; " + GlciSettings.OUTPUT_DIRECTORY.mention()
                    + " must be a folder for the rendered documents");
        }
        try (Stream<Path> entries = Files.list(target)) {
            List<String> others = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !RENDERED.matcher(name).matches()).sorted().limit(3).toList();
            if (!others.isEmpty()) {
                throw new GlciException(target + " holds files glci did not render (" + String.join(", ", others)
                        + "); glci replaces the whole folder, so " + GlciSettings.OUTPUT_DIRECTORY.mention()
                        + " must be a new folder or one holding only earlier renders");
            }
        } catch (IOException e) {
            throw new GlciException("cannot read " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // the staging folder is hidden and holds only rendered YAML; the original failure matters more
        }
    }
}
