package io.gardenlinux.glci.publish.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.credentials.GpgKey;
import io.gardenlinux.glci.model.credentials.Secret;
import io.gardenlinux.glci.publish.store.S3TestAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

class PackageStepsTest {

    @TempDir
    Path dir;

    @Test
    void theKeyIsThePrefixMainAndThePathWithoutPlus() {
        assertThat(PackageUploader.key("packages/pool", Path.of("l/linux-5.10/linux-image_5.10.46+gl1_amd64.deb")))
                .isEqualTo("packages/pool/main/l/linux-5.10/linux-image_5.10.46gl1_amd64.deb");
        assertThat(PackageUploader.key("packages/pool/", Path.of("a.deb"))).isEqualTo("packages/pool/main/a.deb");
    }

    @Test
    void packagesBelowMainAreUploaded() throws IOException {
        Path pool = dir.resolve("pool");
        Files.createDirectories(pool.resolve("main/o/openssh"));
        Files.writeString(pool.resolve("main/o/openssh/openssh-server_8.4p1+gl1_amd64.deb"), "deb");
        Files.writeString(pool.resolve("main/o/openssh/openssh_8.4p1.dsc"), "dsc");
        Files.writeString(pool.resolve("elsewhere.txt"), "not uploaded");
        try (S3Client s3 = S3TestAccess.client()) {
            String bucket = S3TestAccess.newBucket(s3);

            List<String> keys = new PackageUploader(s3, bucket, Reporter.silent()).upload(pool, "packages/pool");

            assertThat(keys).containsExactly("packages/pool/main/o/openssh/openssh-server_8.4p1gl1_amd64.deb",
                    "packages/pool/main/o/openssh/openssh_8.4p1.dsc");
            assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(o -> o.key())
                    .containsExactlyInAnyOrderElementsOf(keys);
            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(keys.get(0))).asUtf8String()).isEqualTo("deb");
        }
    }

    @Test
    void aMissingMainFolderIsNamed() {
        try (S3Client s3 = S3TestAccess.client()) {
            assertThatThrownBy(() -> new PackageUploader(s3, "unused", Reporter.silent()).upload(dir, "p"))
                    .isInstanceOf(GlciException.class)
                    .hasMessageContaining(dir.resolve("main").toString());
        }
    }

    @Test
    void theKeyIsWrittenOwnerOnly() throws IOException {
        Path file = dir.resolve("gardenlinux/cert/private.key");
        String armoured = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nabc\n-----END PGP PRIVATE KEY BLOCK-----";

        SigningKeyFile.write(new GpgKey("gardenlinux", Secret.of(armoured)), file, Reporter.silent());

        assertThat(Files.readString(file)).isEqualTo(armoured + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings).containsExactly(file);
        }
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertThatThrownBy(() -> SigningKeyFile.write(new GpgKey("gardenlinux", Secret.of("")),
                dir.resolve("private.key"), Reporter.silent()))
                .isInstanceOf(GlciException.class).hasMessageContaining("gpg_key credential 'gardenlinux'");
        assertThat(dir.resolve("private.key")).doesNotExist();
    }
}
