package io.gardenlinux.glci.model.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Samples;
import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AlicloudPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AlicloudPublishedImageSet;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AwsPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AwsPublishedImageSet;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AzurePublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.GcpPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.OciPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.OpenstackPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.OpenstackPublishedImageSet;
import io.gardenlinux.glci.model.yaml.YamlDocuments;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class ManifestYamlTest {

    /** The manifest example of research §1.5, with its placeholders filled in. */
    private static final String ORIGINAL_MANIFEST = """
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
            platform: aws
            published_image_metadata:
              published_aws_images:
              - {ami_id: ami-0a1b2c3d4e5f67890, aws_region_id: eu-central-1, image_name: gardenlinux-aws-cloud-gardener-_prod-318.9-c03ea4}
            version: '318.9'
            """;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String yaml) {
        return YamlDocuments.read(bytes(yaml), "test");
    }

    @Test
    void theOriginalsExampleIsReadCompletely() {
        ReleaseManifest manifest = ManifestYaml.readManifest(bytes(ORIGINAL_MANIFEST), "meta/singles/x");

        ReleaseIdentifier id = manifest.identifier();
        assertThat(id).isEqualTo(new ReleaseIdentifier(Samples.COMMIT, "318.9", 318, Architecture.AMD64, "aws",
                List.of("_nopkg", "_prod", "_readonly", "_slim", "base", "cloud", "gardener", "server")));
        assertThat(id.manifestKey(Samples.features())).isEqualTo("meta/singles/aws-cloud-gardener-_prod-318.9-c03ea4");
        assertThat(manifest.buildTime()).isEqualTo(LocalDateTime.of(2021, 8, 4, 10, 11, 12, 123_456_000));
        assertThat(manifest.pathBySuffix("rootfs.raw").s3Key())
                .isEqualTo("objects/5b8e2a3ce7bd26b9bcbf3b4ecc8f5e94b7d3e9f1");
        assertThat(manifest.publishedImageMetadata()).isEqualTo(new AwsPublishedImageSet(List.of(
                new AwsPublishedImage("ami-0a1b2c3d4e5f67890", "eu-central-1",
                        "gardenlinux-aws-cloud-gardener-_prod-318.9-c03ea4", Map.of())), Map.of()));
    }

    @Test
    void theOriginalsExampleIsWrittenBackUnchanged() {
        ReleaseManifest manifest = ManifestYaml.readManifest(bytes(ORIGINAL_MANIFEST), "x");
        String written = ManifestYaml.write(manifest);

        assertThat(tree(written)).isEqualTo(tree(ORIGINAL_MANIFEST));
        assertThat(ManifestYaml.readManifest(bytes(written), "x")).isEqualTo(manifest);
        assertThat(ManifestYaml.write(ManifestYaml.readManifest(bytes(written), "x"))).isEqualTo(written);
    }

    @Test
    void writingFollowsTheOriginalsSafeDump() {
        String written = ManifestYaml.write(ManifestYaml.readManifest(bytes(ORIGINAL_MANIFEST), "x"));

        assertThat(written).startsWith("architecture: amd64\nbuild_committish: " + Samples.COMMIT + "\n")
                .contains("\ngardenlinux_epoch: 318\n")
                .contains("\npaths:\n- name: 318-c03ea4-20210212/amd64/bullseye/rootfs.raw\n")
                .endsWith("\nversion: \"318.9\"\n")
                .doesNotStartWith("---");
    }

    @Test
    void unknownKeysAreKeptAtEveryLevel() {
        String later = ORIGINAL_MANIFEST
                .replace("platform: aws\n", "platform: aws\nbase_image: null\ntest_result:\n  test_result: success\n"
                        + "  test_suite_cfg_name: default\n")
                .replace("  suffix: rootfs.raw\n", "  suffix: rootfs.raw\n  size: 4096\n")
                .replace("image_name: gardenlinux-aws", "snapshot_id: snap-1, image_name: gardenlinux-aws");

        ReleaseManifest manifest = ManifestYaml.readManifest(bytes(later), "x");

        assertThat(manifest.otherKeys()).containsKeys("base_image", "test_result");
        assertThat(tree(ManifestYaml.write(manifest))).isEqualTo(tree(later));
    }

    static List<String> everyPublishedImageType() {
        return List.of(
                "published_aws_images:\n- {ami_id: ami-1, aws_region_id: eu-central-1, image_name: gardenlinux-a}\n"
                        + "- {ami_id: ami-2, aws_region_id: us-east-1, image_name: gardenlinux-a}\n",
                "published_alicloud_images:\n- {image_id: m-1, region_id: eu-central-1, image_name: gardenlinux-a}\n",
                "gcp_image_name: gardenlinux-gcp-cloud-gardener--prod-318-9-c03ea4\ngcp_project_name: gardenlinux\n",
                "transport_state: publishing\nurn: ''\npublish_operation_id: op-1\ngolive_operation_id: ''\n",
                "transport_state: released\nurn: sap:gardenlinux:greatest:318.9.0\npublish_operation_id: op-1\n"
                        + "golive_operation_id: op-2\ncommunity_gallery_image_id: /CommunityGalleries/x\n",
                "published_openstack_images:\n- {region_name: eu-de-1, image_id: 6c2f, image_name: gardenlinux-318.9}\n",
                "image_reference: eu.gcr.io/gardenlinux/gardenlinux:318.9-oci-base-318.9-c03ea4\n");
    }

    @ParameterizedTest
    @MethodSource("everyPublishedImageType")
    void everyPublishedImageTypeRoundTrips(String metadata) {
        String yaml = ORIGINAL_MANIFEST.substring(0, ORIGINAL_MANIFEST.indexOf("published_image_metadata:"))
                + "published_image_metadata:\n" + metadata.replaceAll("(?m)^", "  ") + "version: '318.9'\n";

        ReleaseManifest manifest = ManifestYaml.readManifest(bytes(yaml), "x");

        assertThat(tree(ManifestYaml.write(manifest))).isEqualTo(tree(yaml));
    }

    @Test
    void publishedImageTypesAreToldApartByTheirKeys() {
        List<Class<?>> types = everyPublishedImageType().stream()
                .map(m -> ORIGINAL_MANIFEST.substring(0, ORIGINAL_MANIFEST.indexOf("published_image_metadata:"))
                        + "published_image_metadata:\n" + m.replaceAll("(?m)^", "  ") + "version: '318.9'\n")
                .<Class<?>>map(y -> ManifestYaml.readManifest(bytes(y), "x").publishedImageMetadata().getClass())
                .toList();

        assertThat(types).containsExactly(AwsPublishedImageSet.class, AlicloudPublishedImageSet.class,
                GcpPublishedImage.class, AzurePublishedImage.class, AzurePublishedImage.class,
                OpenstackPublishedImageSet.class, OciPublishedImage.class);
    }

    @Test
    void unpublishedManifestsWriteNull() {
        ReleaseManifest manifest = new ReleaseManifest(
                new ReleaseIdentifier(Samples.COMMIT, "318.9", 318, Architecture.AMD64, "oci", List.of("_slim", "base")),
                "2021-08-04T10:11:12", List.of(new S3ReleaseFile("318-c03ea4-x/rootfs.tar.xz", "rootfs.tar.xz",
                        "objects/abc", "gardenlinux")));

        String written = ManifestYaml.write(manifest);

        assertThat(written).contains("\npublished_image_metadata: null\n");
        assertThat(ManifestYaml.readManifest(bytes(written), "x")).isEqualTo(manifest);
    }

    @Test
    void aManifestWithEveryPublishedTypeInASetRoundTrips() {
        StringBuilder set = new StringBuilder("flavour_set_name: all\nmanifests:\n");
        int i = 0;
        for (String metadata : everyPublishedImageType()) {
            String manifest = ORIGINAL_MANIFEST.substring(0, ORIGINAL_MANIFEST.indexOf("published_image_metadata:"))
                    + "published_image_metadata:\n" + metadata.replaceAll("(?m)^", "  ") + "version: '318.9'\n"
                    + "s3_key: meta/singles/m" + i++ + "\ns3_bucket: gardenlinux\n";
            set.append(manifest.replaceAll("(?m)^", "  ").replaceFirst("^  ", "- "));
        }
        String yaml = set.toString();

        OnlineReleaseManifestSet read = ManifestYaml.readOnlineSet(bytes(yaml), "gardenlinux",
                "meta/sets/snapshot/318-c03ea4-all");

        assertThat(read.set().manifests()).hasSize(7)
                .extracting(OnlineReleaseManifest::s3Key).contains("meta/singles/m0", "meta/singles/m6");
        assertThat(tree(ManifestYaml.write(read.set()))).isEqualTo(tree(yaml));
        assertThat(tree(ManifestYaml.write(read))).isEqualTo(tree(yaml
                + "s3_key: meta/sets/snapshot/318-c03ea4-all\ns3_bucket: gardenlinux\n"));
    }

    @Test
    void onlineManifestsTakeTheirLocationFromWhereTheyWereRead() {
        OnlineReleaseManifest online = ManifestYaml.readOnlineManifest(bytes(ORIGINAL_MANIFEST), "gardenlinux",
                "meta/singles/aws-cloud-gardener-_prod-318.9-c03ea4");

        assertThat(online.s3Bucket()).isEqualTo("gardenlinux");
        assertThat(tree(ManifestYaml.write(online))).isEqualTo(tree(ORIGINAL_MANIFEST
                + "s3_key: meta/singles/aws-cloud-gardener-_prod-318.9-c03ea4\ns3_bucket: gardenlinux\n"));
    }

    @Test
    void missingAndMistypedKeysAreAllReported() {
        String broken = """
                architecture: sparc
                build_committish: abc
                gardenlinux_epoch: many
                modifiers: base
                paths: []
                version: 318.9
                published_image_metadata: {image_ref: x}
                """;

        assertThatThrownBy(() -> ManifestYaml.readManifest(bytes(broken), "meta/singles/broken"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(7))
                .hasMessageContaining("meta/singles/broken: architecture: 'sparc' is not a valid Architecture;"
                        + " allowed: amd64, arm64")
                .hasMessageContaining("meta/singles/broken: gardenlinux_epoch: must be an integer, not the string"
                        + " 'many'")
                .hasMessageContaining("meta/singles/broken: modifiers: must be a list, not the string 'base'")
                .hasMessageContaining("meta/singles/broken: missing key 'platform'")
                .hasMessageContaining("meta/singles/broken: missing key 'build_timestamp'")
                .hasMessageContaining("meta/singles/broken: version: must be a string, not the number 318.9 (quote it:"
                        + " '318.9')")
                .hasMessageContaining("meta/singles/broken: published_image_metadata: unknown kind of published image:"
                        + " expected one of the keys published_aws_images, published_alicloud_images, gcp_image_name,"
                        + " transport_state, published_openstack_images, image_reference; found image_ref");
    }

    @Test
    void aManifestThatIsNotYaml() {
        assertThatThrownBy(() -> ManifestYaml.readManifest(bytes("architecture: [amd64\n"), "meta/singles/x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("meta/singles/x: line 2, column 1: not valid YAML: ");
    }

    @Test
    void buildTimestampsLookLikePythonsIsoformat() {
        assertThat(BuildTimestamp.format(LocalDateTime.of(2021, 8, 4, 10, 11, 12, 123_456_789)))
                .isEqualTo("2021-08-04T10:11:12.123456");
        assertThat(BuildTimestamp.format(LocalDateTime.of(2021, 8, 4, 10, 11, 12))).isEqualTo("2021-08-04T10:11:12");
    }
}
