package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.PythonStrings;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Reads the regular files of a build result tarball (plain or gzip-compressed) one after the other, as the original
 * does with Python's {@code tarfile}. Skipping a member of a plain tarball seeks past it without reading it. A corrupt
 * or truncated tarball is a {@link GlciException} naming the file and the member.
 */
final class ResultTarball implements Closeable {

    /** The size of the read buffer; large reads keep the disk streaming. */
    private static final int BUFFER = 1 << 20;

    private final Path file;
    private final TarArchiveInputStream tar;
    private Member current;

    /**
     * A regular file of the tarball.
     *
     * @param path its name without leading {@code .} and {@code /}, e.g. {@code 20210212/amd64/bullseye/rootfs.raw}
     * @param size its size in bytes
     */
    record Member(String path, long size) {
        /** The base name, the release file's {@code suffix}. */
        String baseName() {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? path : path.substring(slash + 1);
        }
    }

    private ResultTarball(Path file, TarArchiveInputStream tar) {
        this.file = file;
        this.tar = tar;
    }

    static ResultTarball open(Path file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            if (first == 0x1f && second == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            }
            return new ResultTarball(file, new TarArchiveInputStream(in));
        } catch (NoSuchFileException e) {
            throw new GlciException(file + ": no build result - see the build step for its errors", e);
        } catch (IOException e) {
            throw new GlciException(file + ": cannot read the build result: " + e.getMessage(), e);
        }
    }

    /** The next regular file, or empty at the end of the tarball. */
    Optional<Member> next() {
        try {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (isRegularFile(entry)) {
                    current = new Member(PythonStrings.lstrip(entry.getName(), "./"), entry.getSize());
                    return Optional.of(current);
                }
            }
            current = null;
            return Optional.empty();
        } catch (IOException e) {
            throw corrupt(e);
        }
    }

    /** Python's {@code TarInfo.isreg()}: a regular or contiguous file, also when stored sparse; no link or device. */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte flag = entry.getLinkFlag();
        return (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG
                || flag == TarConstants.LF_GNUTYPE_SPARSE) && !entry.getName().endsWith("/");
    }

    /** Reads the next {@code length} bytes of the current member into a new array. */
    byte[] read(int length) {
        byte[] buffer = new byte[length];
        try {
            int done = 0;
            while (done < length) {
                int n = tar.read(buffer, done, length - done);
                if (n < 0) {
                    throw new EOFException("the member ends after " + done + " of " + length + " bytes");
                }
                done += n;
            }
        } catch (IOException e) {
            throw corrupt(e);
        }
        return buffer;
    }

    /** Reads the current member's content through {@code sink}, in chunks. */
    void readAll(ChunkSink sink) {
        byte[] buffer = new byte[BUFFER];
        try {
            int n;
            while ((n = tar.read(buffer)) >= 0) {
                sink.accept(buffer, n);
            }
        } catch (IOException e) {
            throw corrupt(e);
        }
    }

    /** Receives consecutive chunks of a member. */
    interface ChunkSink {
        void accept(byte[] buffer, int length);
    }

    private GlciException corrupt(IOException e) {
        return new GlciException(file + ": corrupt or truncated build result tarball"
                + (current == null ? "" : " (at member " + current.path() + ")") + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            tar.close();
        } catch (IOException e) {
            throw new GlciException(file + ": cannot close: " + e.getMessage(), e);
        }
    }
}
