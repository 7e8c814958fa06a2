package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.XZFormatException;
import org.tukaani.xz.XZInputStream;

/**
 * The image layer made from a {@code rootfs.tar.xz}: the tar, gzip-compressed, in a file of its own. It is made in
 * one streaming pass (xz decoder, gzip encoder at zlib's default level, SHA-256 of both sides), with buffers of a fixed size, so a layer of
 * several GiB never sits in memory. The file is needed because a registry upload must name the digest first.
 *
 * @param file the gzip layer
 * @param digest SHA-256 of the gzip layer (the blob digest)
 * @param size size of the gzip layer
 * @param diffId SHA-256 of the uncompressed tar (the image config's {@code rootfs.diff_ids} entry)
 * @param uncompressedSize size of the tar
 */
public record RootfsLayer(Path file, String digest, long size, String diffId, long uncompressedSize) {

    private static final int BUFFER = 1 << 20;

    /**
     * Decompresses {@code source} and compresses it into a new gzip file in {@code workDir}. The caller deletes
     * the file when done; on failure no file is left.
     */
    public static RootfsLayer build(RootfsSource source, Path workDir, Reporter reporter) {
        Path file;
        try {
            Files.createDirectories(workDir);
            file = Files.createTempFile(workDir, "rootfs-layer-", ".tar.gz");
        } catch (IOException e) {
            throw new GlciException("cannot create the layer file in " + workDir + ": " + e.getMessage(), e);
        }
        String operation = "gzip layer from " + source.name();
        long total = source.size();
        MessageDigest tarSha = Digests.newSha256();
        MessageDigest gzipSha = Digests.newSha256();
        long[] read = new long[1];
        try (InputStream compressed = new Counting(new BufferedInputStream(source.open(), BUFFER), read);
                InputStream tar = new DigestInputStream(new XZInputStream(compressed), tarSha);
                CountingOutputStream gzipFile = new CountingOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
                GZIPOutputStream gzip = new GZIPOutputStream(new DigestOutputStream(gzipFile, gzipSha), BUFFER)) {
            byte[] buffer = new byte[BUFFER];
            long tarSize = 0;
            long reported = 0;
            for (int n = tar.read(buffer); n >= 0; n = tar.read(buffer)) {
                gzip.write(buffer, 0, n);
                tarSize += n;
                if (read[0] - reported >= 64L * BUFFER) {
                    reported = read[0];
                    reporter.progress(operation, read[0], total);
                }
            }
            gzip.finish(); // the trailer is written and digested; the streams are closed below
            reporter.progress(operation, total < 0 ? read[0] : total, total);
            return new RootfsLayer(file, Digests.format(gzipSha.digest()), gzipFile.count,
                    Digests.format(tarSha.digest()), tarSize);
        } catch (XZFormatException e) {
            deleteQuietly(file);
            throw new GlciException("rootfs " + source.name() + " is not xz-compressed (expected rootfs.tar.xz): "
                    + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw new GlciException("cannot make the gzip layer from rootfs " + source.name() + ": "
                    + RemoteCalls.describe(e), e);
        }
    }

    /** Opens the layer for reading. */
    public InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new GlciException("cannot read the layer " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the layer file. */
    public void delete() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file that cannot be removed is left for the work folder's owner
        }
    }

    private static final class Counting extends FilterInputStream {
        private final long[] count;

        Counting(InputStream in, long[] count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count[0]++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count[0] += n;
            }
            return n;
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
