package io.gardenlinux.glci.publish.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes build result tarballs like the image build's: {@code ./<date>/<arch>/<suite>/rootfs.*}. */
final class TestTarballs {

    static final String DIR = "./20210212/amd64/bullseye/";

    private TestTarballs() {
    }

    /** Content that differs per seed. */
    static byte[] content(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A typical small result: a few rootfs files, one of them {@code size} bytes. */
    static Map<String, byte[]> result(long seed, int bigSize) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(DIR + "rootfs.raw", content(seed, bigSize));
        files.put(DIR + "rootfs.manifest", ("openssh-server 1:8.4p1-5 " + seed + "\n").getBytes());
        files.put(DIR + "rootfs.os-release", ("ID=gardenlinux\nVERSION_ID=" + seed + "\n").getBytes());
        files.put(DIR + "rootfs.tar.xz", content(seed + 1, 300_000));
        return files;
    }

    /** Writes a tarball with a directory entry, the files and a symlink (which is not uploaded). */
    static Path write(Path file, Map<String, byte[]> files) {
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry dir = new TarArchiveEntry(DIR);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(f.getKey());
                entry.setSize(f.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
            TarArchiveEntry link = new TarArchiveEntry(DIR + "rootfs.link", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("rootfs.raw");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
