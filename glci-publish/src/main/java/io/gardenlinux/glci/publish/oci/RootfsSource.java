package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.GlciException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Where a flavour's {@code rootfs.tar.xz} is read from. Its identity names the content (a digest or a
 * content-addressed storage key), so that a release published before is recognised without reading it again.
 */
public interface RootfsSource {

    /** For messages, e.g. the file name. */
    String name();

    /** Names the content, e.g. {@code sha256:<hex>} of the file. */
    String identity();

    /** The compressed size in bytes, or -1 when unknown (for progress only). */
    long size();

    /** The xz-compressed content, from its start. */
    InputStream open() throws IOException;

    /** A local {@code rootfs.tar.xz}; its identity is the SHA-256 of the file, computed when first asked for. */
    static RootfsSource ofFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GlciException("rootfs " + file + ": no such file (expected the flavour's rootfs.tar.xz)");
        }
        return new RootfsSource() {
            private String identity;

            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public synchronized String identity() {
                if (identity == null) {
                    MessageDigest sha256 = Digests.newSha256();
                    byte[] buffer = new byte[1 << 16];
                    try (InputStream in = Files.newInputStream(file)) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            sha256.update(buffer, 0, n);
                        }
                    } catch (IOException e) {
                        throw new GlciException("rootfs " + file + ": cannot read: " + e.getMessage(), e);
                    }
                    identity = Digests.format(sha256.digest());
                }
                return identity;
            }

            @Override
            public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }
}
