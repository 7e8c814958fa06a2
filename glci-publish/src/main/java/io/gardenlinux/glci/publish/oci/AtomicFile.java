package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.GlciException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replaces a file whole: written beside it, then moved over it, so a reader never sees half of it. */
final class AtomicFile {

    private AtomicFile() {
    }

    static void write(Path file, String content, String what) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new GlciException("cannot write " + what + " to " + file + ": " + e.getMessage(), e);
        }
    }
}
