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
import java.util.Iterator;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Reads the regular files of a build result tarball one after the other, as the original does with Python's
 * {@code tarfile}. A plain tarball is read with random access: a member that is not read is skipped without reading
 * a byte of it. A gzip-compressed one is read as a stream. A corrupt or truncated tarball is a {@link GlciException}
 * naming the file and, where known, the member.
 */
final class ResultTarball implements Closeable {

    /** The size of the read buffer; large reads keep the disk streaming. */
    private static final int BUFFER = 1 << 20;

    private final Path file;
    private final Members members;
    private final boolean compressed;
    private Member current;
    private InputStream content;

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

    /** The entries of the tarball and their contents. */
    private interface Members extends Closeable {
        /** The next entry (of any type), or null at the end. */
        TarArchiveEntry next() throws IOException;

        /** The content of the entry {@link #next()} returned last. */
        InputStream content(TarArchiveEntry entry) throws IOException;
    }

    private ResultTarball(Path file, Members members, boolean compressed) {
        this.file = file;
        this.members = members;
        this.compressed = compressed;
    }

    /** Whether the tarball is gzip-compressed (its members add up to more than its size). */
    boolean compressed() {
        return compressed;
    }

    static ResultTarball open(Path file) {
        try {
            if (isGzip(file)) {
                return new ResultTarball(file, streamed(new GZIPInputStream(Files.newInputStream(file), BUFFER)),
                        true);
            }
            TarFile tar;
            try {
                tar = new TarFile(file);
            } catch (IOException e) {
                // read it as a stream instead, which names the member where it breaks
                return new ResultTarball(file, streamed(Files.newInputStream(file)), false);
            }
            Iterator<TarArchiveEntry> entries = tar.getEntries().iterator();
            return new ResultTarball(file, new Members() {
                @Override
                public TarArchiveEntry next() {
                    return entries.hasNext() ? entries.next() : null;
                }

                @Override
                public InputStream content(TarArchiveEntry entry) throws IOException {
                    return new BufferedInputStream(tar.getInputStream(entry), BUFFER);
                }

                @Override
                public void close() throws IOException {
                    tar.close();
                }
            }, false);
        } catch (NoSuchFileException e) {
            throw new GlciException(file + ": no build result - see the build step for its errors", e);
        } catch (IOException e) {
            throw new GlciException(file + ": corrupt or truncated build result tarball: " + e.getMessage(), e);
        }
    }

    private static Members streamed(InputStream in) {
        TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(in, BUFFER));
        return new Members() {
            @Override
            public TarArchiveEntry next() throws IOException {
                return tar.getNextEntry();
            }

            @Override
            public InputStream content(TarArchiveEntry entry) {
                return tar;
            }

            @Override
            public void close() throws IOException {
                tar.close();
            }
        };
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        }
    }

    /** The next regular file, or empty at the end of the tarball. */
    Optional<Member> next() {
        try {
            content = null;
            TarArchiveEntry entry;
            while ((entry = members.next()) != null) {
                if (isRegularFile(entry)) {
                    current = new Member(PythonStrings.lstrip(entry.getName(), "./"), entry.getSize());
                    content = members.content(entry);
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
                int n = content.read(buffer, done, length - done);
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

    /** Reads the current member's content through {@code sink}, in chunks; fails when it is shorter than its size. */
    void readAll(ChunkSink sink) {
        byte[] buffer = new byte[BUFFER];
        long done = 0;
        try {
            int n;
            while ((n = content.read(buffer)) >= 0) {
                sink.accept(buffer, n);
                done += n;
            }
            if (done != current.size()) {
                throw new EOFException("Truncated TAR archive: the member ends after " + done + " of "
                        + current.size() + " bytes");
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
            members.close();
        } catch (IOException e) {
            throw new GlciException(file + ": cannot close: " + e.getMessage(), e);
        }
    }
}
