package io.gardenlinux.glci.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The store goals as a pipeline step runs them: parameters as properties, credentials from the mounted document
 * named by {@code SECRETS_SERVER_CACHE}, the S3 endpoint from {@code AWS_ENDPOINT_URL_S3}, against s3proxy.
 */
class StoreGoalsTest {

    static final Path GARDENLINUX = Path.of("..", "samples", "gardenlinux").toAbsolutePath().normalize();
    static final String COMMIT = "c03ea4d3d0905b463e78bbb582853a8bc4437496";

    @TempDir
    Path dir;

    S3Client s3;
    String bucket;
    Path secrets;
    Path cicd;

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with bin/with-test-services");
        }
        return value;
    }

    @BeforeEach
    void setUp() throws IOException {
        s3 = S3Client.builder().endpointOverride(URI.create(env("IT_S3_ENDPOINT"))).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
                        .create(env("IT_S3_ACCESS_KEY"), env("IT_S3_SECRET_KEY")))).build();
        bucket = "glci-goals-" + UUID.randomUUID().toString().substring(0, 13);
        s3.createBucket(b -> b.bucket(bucket));
        s3.createBucket(b -> b.bucket(bucket + "-pkgs"));
        secrets = Files.writeString(dir.resolve("config.json"), """
                {"aws": {"gardenlinux": {"region": "us-east-1", "access_key_id": "%s", "secret_access_key": "%s"}},
                 "gpg_key": {"gardenlinux": {"private": "-----BEGIN PGP PRIVATE KEY BLOCK-----"}}}
                """.formatted(env("IT_S3_ACCESS_KEY"), env("IT_S3_SECRET_KEY")));
        cicd = Files.writeString(dir.resolve("cicd.yaml"), """
                cicd_cfgs:
                  - name: default
                    build: { aws_cfg_name: gardenlinux, aws_region: us-east-1, s3_bucket_name: %s }
                    package_build: { aws_cfg_name: gardenlinux, s3_bucket_name: %s-pkgs }
                """.formatted(bucket, bucket));
    }

    @AfterEach
    void close() {
        s3.close();
    }

    /** Gives a goal the environment of a pipeline step and the common parameters. */
    <T extends AbstractGlciMojo> T step(T mojo) {
        mojo.setLog(new RecordingLog());
        mojo.repoRoot = GARDENLINUX.toFile();
        mojo.cicdConfig = "default";
        mojo.cicdConfigFile = cicd.toFile();
        return mojo;
    }

    Map<String, String> environment() {
        return Map.of("SECRETS_SERVER_CACHE", secrets.toString(), "AWS_ENDPOINT_URL_S3", env("IT_S3_ENDPOINT"),
                "PUBLISHING_ACTIONS", "manifests", "VERSION", "318.9", "FLAVOUR_SET", "aws");
    }

    <T extends AbstractFlavourBuildMojo> T flavour(T mojo) {
        step(mojo);
        mojo.architecture = "amd64";
        mojo.platform = "aws";
        mojo.modifiers = "_nopkg,_prod,_readonly,_slim,base,cloud,gardener,server";
        mojo.committish = COMMIT;
        mojo.epoch = "318";
        mojo.s3Concurrency = "4";
        return mojo;
    }

    <T extends AbstractBuildStepMojo> T buildStep(T mojo) {
        flavour(mojo).skipMarker = dir.resolve("skip_build").toFile();
        return mojo;
    }

    class Prebuild extends PrebuildMojo {
        @Override
        protected Optional<String> env(String name) {
            return Optional.ofNullable(environment().get(name));
        }
    }

    class UploadResults extends UploadResultsMojo {
        @Override
        protected Optional<String> env(String name) {
            return Optional.ofNullable(environment().get(name));
        }
    }

    class Finalise extends FinalisePromotionMojo {
        @Override
        protected Optional<String> env(String name) {
            return Optional.ofNullable(environment().get(name));
        }
    }

    class Manifest extends ManifestMojo {
        @Override
        protected Optional<String> env(String name) {
            return Optional.ofNullable(environment().get(name));
        }
    }

    class Clean extends CleanMojo {
        @Override
        protected Optional<String> env(String name) {
            return Optional.ofNullable(environment().get(name));
        }
    }

    class WriteKey extends WriteKeyMojo {
        @Override
        protected Optional<String> env(String name) {
            return Optional.ofNullable(environment().get(name));
        }
    }

    class UploadPackages extends UploadPackagesMojo {
        @Override
        protected Optional<String> env(String name) {
            return Optional.ofNullable(environment().get(name));
        }
    }

    Path tarball() throws IOException {
        Path file = dir.resolve("gardenlinux.out");
        try (OutputStream out = Files.newOutputStream(file); var tar = new TarArchiveOutputStream(out)) {
            for (String name : new String[] {"rootfs.raw", "rootfs.manifest"}) {
                byte[] content = (name + " content").getBytes();
                TarArchiveEntry entry = new TarArchiveEntry("./20210212/amd64/bullseye/" + name);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    @Test
    void theBuildTaskStepsAndThePromotion() throws Exception {
        Path marker = dir.resolve("skip_build");
        buildStep(new Prebuild()).execute();
        assertThat(marker).doesNotExist();

        UploadResults upload = buildStep(new UploadResults());
        upload.resultFile = tarball().toFile();
        upload.partSizeMiB = "16";
        upload.execute();
        assertThat(s3.headObject(b -> b.bucket(bucket).key("meta/singles/aws-cloud-gardener-_prod-318.9-c03ea4"))
                .contentType()).isEqualTo("text/yaml");

        buildStep(new Prebuild()).execute();
        assertThat(marker).hasContent("skip build (already done)");

        Finalise finalise = step(new Finalise());
        finalise.committish = COMMIT;
        finalise.epoch = "318";
        finalise.buildType = "release";
        finalise.resultPath = dir.resolve("manifest_set_key_result").toFile();
        finalise.execute();
        assertThat(dir.resolve("manifest_set_key_result")).hasContent("meta/sets/release/318.9-aws");

        Manifest show = flavour(new Manifest());
        show.platform = null;
        show.buildType = "release";
        show.listPrefix = "meta/singles";
        show.pageSize = "1000";
        show.outputFile = dir.resolve("set.yaml").toFile();
        show.execute();
        assertThat(Files.readString(dir.resolve("set.yaml"))).startsWith("flavour_set_name: aws\n");

        Clean clean = step(new Clean());
        clean.maxAgeDays = "30";
        clean.dryRun = true;
        clean.execute();
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).hasSize(4);
    }

    @Test
    void aMissingParameterIsNamed() {
        Prebuild prebuild = buildStep(new Prebuild());
        prebuild.epoch = null;

        assertThatThrownBy(prebuild::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dglci.epoch is not set");
    }

    @Test
    void writeKeyAndUploadPackages() throws Exception {
        WriteKey writeKey = step(new WriteKey());
        writeKey.keyConfigName = "gardenlinux";
        writeKey.keyFile = dir.resolve("cert/private.key").toFile();
        writeKey.execute();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cert/private.key"))))
                .isEqualTo("rw-------");

        Path pool = dir.resolve("pool");
        Files.createDirectories(pool.resolve("main/g"));
        Files.writeString(pool.resolve("main/g/gardenlinux_1.0+gl1_all.deb"), "deb");
        UploadPackages upload = step(new UploadPackages());
        upload.packageDir = pool.toFile();
        upload.packagePathPrefix = "packages/pool";
        upload.s3Concurrency = "1";
        upload.execute();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket + "-pkgs").key("packages/pool/main/g/gardenlinux_1.0gl1_all.deb"))
                .asUtf8String()).isEqualTo("deb");
    }

}
