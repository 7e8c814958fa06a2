package io.gardenlinux.glci.model.versions;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The value of a Garden Linux {@code VERSION} file: the <em>next</em> release version {@code X.Y}, or {@code today}
 * to build against the snapshot of the current day (release version {@code <epoch>.0}).
 *
 * @param value the value as written, without comments
 */
public record GardenlinuxVersion(String value) {

    public static final String TODAY = "today";

    public GardenlinuxVersion {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads a {@code VERSION} file: the first line that is neither empty nor a {@code #} comment, without a trailing
     * {@code # comment}.
     */
    public static GardenlinuxVersion read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(new Problem(file.toString(), "", "file not found; a Garden Linux checkout"
                    + " has a VERSION file holding the next release version (X.Y) or 'today'"));
        } catch (IOException e) {
            throw new GlciException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(content, file.toString());
    }

    /** Parses the content of a {@code VERSION} file; {@code source} names it in errors. */
    public static GardenlinuxVersion parse(String content, String source) {
        for (String line : content.split("\\R")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int comment = stripped.indexOf('#');
            String value = (comment < 0 ? stripped : stripped.substring(0, comment)).strip();
            GardenlinuxVersion version = new GardenlinuxVersion(value);
            version.check(source);
            return version;
        }
        throw new InvalidInputException(new Problem(source, "", "did not find uncommented, non-empty line in "
                + source + "; expected the next release version (X.Y) or 'today'"));
    }

    private void check(String source) {
        if (!value.equals(TODAY)) {
            try {
                ReleaseVersion.parse(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(new Problem(source, "", "version_str='" + value
                        + "' was not understood - either semver or \"today\" are supported; write X.Y (such as"
                        + " 318.9) or today"));
            }
        }
    }

    public boolean isToday() {
        return value.equals(TODAY);
    }

    /** The Garden Linux epoch: the major part of {@code X.Y}, or the epoch of {@code today}. */
    public int epoch(LocalDate today) {
        return nextReleaseVersion(today).epoch();
    }

    /** The next release version: {@code X.Y} as written, or {@code <epoch of today>.0}. */
    public ReleaseVersion nextReleaseVersion(LocalDate today) {
        return isToday() ? new ReleaseVersion(GardenlinuxEpoch.of(today), 0) : ReleaseVersion.parse(value);
    }

    /**
     * The version as builds and manifests carry it: {@code today} as {@code <epoch of today>.0}, any other value as it
     * is written (the original passed a version given on its command line through unchanged).
     */
    public String resolved(LocalDate today) {
        return isToday() ? nextReleaseVersion(today).toString() : value;
    }

    /** The tag of the base images: {@code <version>-<full committish>}. */
    public static String versionLabel(String version, String committish) {
        return version + "-" + committish;
    }

    @Override
    public String toString() {
        return value;
    }
}
