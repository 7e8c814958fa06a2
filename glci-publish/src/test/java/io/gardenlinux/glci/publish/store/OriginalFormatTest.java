package io.gardenlinux.glci.publish.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.manifests.ManifestYaml;
import io.gardenlinux.glci.model.manifests.OnlineReleaseManifest;
import io.gardenlinux.glci.model.manifests.OnlineReleaseManifestSet;
import io.gardenlinux.glci.model.yaml.YamlDocuments;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * A bucket the original CI wrote: a single manifest and a manifest set as its {@code safe_dump} wrote them (research
 * §1.5, including the fields later versions added) are read from S3 and written back unchanged.
 */
class OriginalFormatTest {

    static final String MANIFEST = """
            architecture: amd64
            build_committish: c03ea4d3d0905b463e78bbb582853a8bc4437496
            build_timestamp: '2021-08-04T10:11:12.123456'
            gardenlinux_epoch: 318
            modifiers: [_nopkg, _prod, _readonly, _slim, base, cloud, gardener, server]
            paths:
            - name: 318-c03ea4-20210212/amd64/bullseye/rootfs.raw
              s3_bucket_name: gardenlinux
              s3_key: objects/5b8e2a3ce7bd26b9bcbf3b4ecc8f5e94b7d3e9f1
              suffix: rootfs.raw
            - name: 318-c03ea4-20210212/amd64/bullseye/rootfs.tar.xz
              s3_bucket_name: gardenlinux
              s3_key: objects/0b7a2c9d6ee1f3a8c4d5b6e7f8091a2b3c4d5e6f
              suffix: rootfs.tar.xz
            platform: aws
            published_image_metadata:
              published_aws_images:
              - {ami_id: ami-0a1b2c3d4e5f67890, aws_region_id: eu-central-1, image_name: gardenlinux-aws-cloud-gardener-_prod-318.9-c03ea4}
              - {ami_id: ami-0fedcba9876543210, aws_region_id: us-east-1, image_name: gardenlinux-aws-cloud-gardener-_prod-318.9-c03ea4}
            version: '318.9'
            """;

    static final String SET = """
            flavour_set_name: all
            logs:
            - {name: build_log.zip, s3_bucket_name: gardenlinux, s3_key: objects/77aa, suffix: build_log.zip}
            manifests:
            - architecture: amd64
              base_image: null
              build_committish: c03ea4d3d0905b463e78bbb582853a8bc4437496
              build_timestamp: '2021-08-04T10:11:12.123456'
              gardenlinux_epoch: 318
              modifiers: [_nopkg, _prod, _readonly, _slim, base, cloud, gardener, server]
              paths:
              - {name: 318-c03ea4-20210212/amd64/bullseye/rootfs.raw, s3_bucket_name: gardenlinux, s3_key: objects/5b8e2a3ce7bd26b9bcbf3b4ecc8f5e94b7d3e9f1, suffix: rootfs.raw}
              platform: gcp
              published_image_metadata: {gcp_image_name: gardenlinux-gcp-cloud-gardener--prod-318-9-c03ea4, gcp_project_name: gardenlinux}
              s3_bucket: gardenlinux
              s3_key: meta/singles/gcp-cloud-gardener-_prod-318.9-c03ea4
              test_result: {test_result: success, test_suite_cfg_name: default, test_timestamp: '2021-08-04T11:00:00'}
              version: '318.9'
            - architecture: amd64
              build_committish: c03ea4d3d0905b463e78bbb582853a8bc4437496
              build_timestamp: '2021-08-04T10:11:13'
              gardenlinux_epoch: 318
              modifiers: [_slim, base]
              paths: []
              platform: oci
              published_image_metadata: null
              s3_bucket: gardenlinux
              s3_key: meta/singles/oci-base-318.9-c03ea4
              version: '318.9'
            """;

    S3Client s3;
    String bucket;
    BuildResultStore store;

    @BeforeEach
    void bucket() {
        s3 = S3TestServer.client();
        bucket = S3TestServer.newBucket(s3);
        store = new BuildResultStore(s3, bucket, Reporter.silent());
    }

    @AfterEach
    void close() {
        s3.close();
    }

    static JsonNode tree(String yaml) {
        return YamlDocuments.read(yaml.getBytes(StandardCharsets.UTF_8), "test");
    }

    String stored(String key) {
        return new String(store.get(key).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void aManifestTheOriginalWroteIsReadAndWrittenBackUnchanged() {
        String key = "meta/singles/aws-cloud-gardener-_prod-318.9-c03ea4";
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/yaml").contentEncoding("utf-8"),
                RequestBody.fromString(MANIFEST));

        OnlineReleaseManifest manifest = store.manifest(key).orElseThrow();
        assertThat(manifest.s3Key()).isEqualTo(key);
        assertThat(manifest.s3Bucket()).isEqualTo(bucket);
        store.putManifest(key, ManifestYaml.write(manifest.stripped()));

        String written = stored(key);
        assertThat(tree(written)).isEqualTo(tree(MANIFEST));
        store.putManifest(key, ManifestYaml.write(store.manifest(key).orElseThrow().stripped()));
        assertThat(stored(key)).isEqualTo(written);
    }

    @Test
    void aManifestSetTheOriginalWroteIsReadAndWrittenBackUnchanged() {
        String key = "meta/sets/snapshot/318-c03ea4-all-20210804-101112";
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/yaml").contentEncoding("utf-8"),
                RequestBody.fromString(SET));

        OnlineReleaseManifestSet set = store.manifestSet(key).orElseThrow();
        assertThat(set.set().manifests()).extracting(OnlineReleaseManifest::s3Key)
                .containsExactly("meta/singles/gcp-cloud-gardener-_prod-318.9-c03ea4",
                        "meta/singles/oci-base-318.9-c03ea4");
        store.putManifest(key, ManifestYaml.write(set.set()));

        String written = stored(key);
        assertThat(tree(written).toPrettyString()).isEqualTo(tree(SET).toPrettyString());
        store.putManifest(key, ManifestYaml.write(store.manifestSet(key).orElseThrow().set()));
        assertThat(stored(key)).isEqualTo(written);
        // glci:manifest shows where the set is stored, as the original's retrieve-release-set does
        assertThat(new ManifestListing(store).show(key)).startsWith(written.substring(0, written.length() - 1))
                .endsWith("s3_bucket: " + bucket + "\ns3_key: " + key + "\n");
    }
}
