package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.publish.store.ResultTarball.Member;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SHA-1 of every member of a result tarball, kept beside it ({@code <result>.glci-sha1}) so that a rerun of an
 * interrupted or repeated upload of the same file need not read it again. The list is used only while the tarball
 * has the size, modification time and file key it had when the list was written; every object that is sent is
 * checked against its SHA-1 again anyway.
 */
final class MemberHashes {

    static final String SUFFIX = ".glci-sha1";
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

    private MemberHashes() {
    }

    /** A member and the SHA-1 of its content. */
    record Hashed(Member member, String sha1) {
    }

    static Path listOf(Path resultFile) {
        return resultFile.resolveSibling(resultFile.getFileName() + SUFFIX);
    }

    /** The stored list, when there is one for the tarball as it is now. */
    static Optional<List<Hashed>> read(Path resultFile) {
        Path list = listOf(resultFile);
        try {
            if (!Files.isRegularFile(list)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(identityOf(resultFile))) {
                return Optional.empty();
            }
            List<Hashed> hashed = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", 3);
                if (fields.length != 3 || !SHA1.matcher(fields[0]).matches()) {
                    return Optional.empty();
                }
                hashed.add(new Hashed(new Member(fields[2], Long.parseLong(fields[1])), fields[0]));
            }
            return Optional.of(hashed);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The size, modification time and file key of the tarball as it is now; empty when they cannot be read (then no
     * list is kept).
     */
    static Optional<String> identity(Path resultFile) {
        try {
            return Optional.of(identityOf(resultFile));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps the list beside the tarball, valid while the tarball has the {@link #identity} it had before it was
     * hashed (so that a change while it was read voids it); where it cannot be written, the next run hashes again.
     */
    static void write(Path resultFile, String identity, List<Hashed> hashed, Reporter reporter) {
        if (hashed.stream().anyMatch(h -> h.member().path().contains("\n"))) {
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append(identity).append('\n');
        hashed.forEach(h -> text.append(h.sha1()).append('\t').append(h.member().size()).append('\t')
                .append(h.member().path()).append('\n'));
        try {
            AtomicFiles.write(listOf(resultFile), text.toString());
        } catch (RuntimeException e) {
            reporter.debug("not keeping the member hashes beside " + resultFile + ": " + e.getMessage());
        }
    }

    private static String identityOf(Path resultFile) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(resultFile, BasicFileAttributes.class);
        return "glci member hashes v1 size=" + attributes.size() + " modified=" + attributes.lastModifiedTime()
                + " key=" + attributes.fileKey();
    }
}
