package io.gardenlinux.glci.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CicdConfigFileTest {

    @Test
    void theSampleConfigurationIsComplete() {
        CicdConfig config = CicdConfigFile.read(Samples.CFG.resolve("cicd.yaml")).config(CicdConfigFile.DEFAULT_NAME);

        assertThat(config.build().awsCfgName()).isEqualTo("gardenlinux");
        assertThat(config.build().awsRegion()).isEqualTo("eu-central-1");
        assertThat(config.build().s3BucketName()).isEqualTo("gardenlinux");
        assertThat(config.build().gcpBucketName()).contains("gardenlinux-images");
        assertThat(config.packageBuild()).hasValueSatisfying(p -> assertThat(p.s3BucketName()).isEqualTo("gardenlinux-pkgs"));
        assertThat(config.publish().orElseThrow().azure().orElseThrow().planId()).isEqualTo("greatest");
        assertThat(config.publish().orElseThrow().oci().orElseThrow().imagePrefix())
                .isEqualTo("registry.example.org/gardenlinux/gardenlinux");
        assertThat(config.notification().orElseThrow().emailCfgName()).isEqualTo("gardenlinux");
    }

    @Test
    void anUnknownConfigurationNamesTheDefinedOnes() {
        CicdConfigFile file = CicdConfigFile.read(Samples.CFG.resolve("cicd.yaml"));

        assertThatThrownBy(() -> file.config("prod"))
                .hasMessage(Samples.CFG.resolve("cicd.yaml") + ": cicd_cfgs: not found: cfg_name='prod'; defined"
                        + " configurations: default");
    }

    @Test
    void missingKeysAreReportedTogetherAndUnknownKeysIgnored() {
        String yaml = """
                cicd_cfgs:
                  - name: minimal
                    whatever: ignored
                    build: { aws_cfg_name: a, aws_region: eu-central-1, s3_bucket_name: b }
                  - name: broken
                    build: { aws_cfg_name: a }
                    publish: { oci: {} }
                """;

        assertThatThrownBy(() -> CicdConfigFile.read(yaml.getBytes(StandardCharsets.UTF_8), "cicd.yaml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(
                        Object::toString).containsExactly(
                                "cicd.yaml: cicd_cfgs[1].build: missing key 'aws_region'",
                                "cicd.yaml: cicd_cfgs[1].build: missing key 's3_bucket_name'",
                                "cicd.yaml: cicd_cfgs[1].publish.oci: missing key 'image_prefix'"));

        CicdConfig minimal = CicdConfigFile.read(yaml.substring(0, yaml.indexOf("  - name: broken"))
                .getBytes(StandardCharsets.UTF_8), "cicd.yaml").config("minimal");
        assertThat(minimal.publish()).isEmpty();
        assertThat(minimal.build().gcpCfgName()).isEmpty();
    }

    @Test
    void aFolderIsNoConfigurationFile(@TempDir Path dir) {
        // was a GlciException "cannot read: Is a directory", as if the disk had failed
        assertThatThrownBy(() -> CicdConfigFile.read(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(dir + ": is a folder, not a file");
    }
}
