package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.GlciException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Writes files whole or not at all: into a temporary file beside the target, then renamed over it. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code content} (UTF-8) to {@code file}, creating its folder. */
    public static void write(Path file, String content) {
        write(file, content.getBytes(StandardCharsets.UTF_8), false, null);
    }

    /** Writes {@code content} (UTF-8) to {@code file}; a failure names {@code what} was written. */
    public static void write(Path file, String content, String what) {
        write(file, content.getBytes(StandardCharsets.UTF_8), false, what);
    }

    /**
     * Writes {@code content} to {@code file}; with {@code ownerOnly}, the file is readable and writable by its owner
     * only from the moment it exists (for keys).
     */
    public static void write(Path file, byte[] content, boolean ownerOnly) {
        write(file, content, ownerOnly, null);
    }

    private static void write(Path file, byte[] content, boolean ownerOnly, String what) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            if (ownerOnly) {
                ownerOnly(temp);
            }
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GlciException(what == null ? target + ": cannot write: " + e.getMessage()
                    : "cannot write " + what + " to " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // the temporary file is beside the target and named after it; nothing more to do
                }
            }
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException e) {
            throw new IOException("the file system has no POSIX permissions, so the file cannot be made owner-only",
                    e);
        }
    }
}
