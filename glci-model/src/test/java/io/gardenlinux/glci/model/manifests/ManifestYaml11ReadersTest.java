package io.gardenlinux.glci.model.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AwsPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AwsPublishedImageSet;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What glci writes, read by a YAML 1.1 reader (SnakeYAML resolves plain scalars as PyYAML does): every field has the
 * type of the original's dataclasses, so the original's loader and python-gardenlinux-lib accept the documents.
 */
class ManifestYaml11ReadersTest {

    /** A manifest as the original's PyYAML {@code safe_dump} writes it, with values a YAML 1.1 reader would retype. */
    private static final String ORIGINAL_WRITTEN = """
            architecture: arm64
            base_image: null
            build_committish: '1234567'
            build_timestamp: '2025-09-08T11:13:13.957549'
            gardenlinux_epoch: 1877
            logs: null
            modifiers:
            - 'no'
            - _prod
            - '1e10'
            paths:
            - md5sum: 3066488dd32eb7a2753e6400e086b0a0
              name: '1877.3'
              s3_bucket_name: 'off'
              s3_key: '2025-09-08'
              size: 4096
              suffix: '1_000'
            platform: 'on'
            published_image_metadata:
              published_aws_images:
              - ami_id: '0x1F'
                aws_region_id: 'yes'
                image_name: '1:20'
            s3_bucket: 'Null'
            s3_key: '~'
            test_result:
              test_result: success
              test_suite_cfg_name: '6.8523015e+5'
              test_timestamp: '2025-09-08T12:00:00'
            version: '1877.3'
            """;

    private static final Yaml YAML_1_1 = new Yaml(new SafeConstructor(new LoaderOptions()));

    private static ReleaseManifest trickyManifest() {
        return new ReleaseManifest(
                new ReleaseIdentifier("1234567", "318.9", 318, Architecture.AMD64, "on", List.of("no", "1e10", "base")),
                "2026-12-02T04:52:52.265810",
                List.of(new S3ReleaseFile("318.9", ".inf", "0b1010", "yes")),
                new AwsPublishedImageSet(List.of(new AwsPublishedImage("1_000", "2026-12-02", "=", Map.of())),
                        Map.of()),
                Map.of());
    }

    private static Map<String, Object> readByYaml11(String yaml) {
        return YAML_1_1.load(yaml);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** The types of the original's {@code ReleaseManifest}: every field a str but the epoch, an int. */
    private static void assertManifestTypes(Map<String, Object> manifest) {
        assertThat(manifest).hasEntrySatisfying("gardenlinux_epoch", v -> assertThat(v).isInstanceOf(Integer.class));
        for (String key : List.of("architecture", "build_committish", "build_timestamp", "version", "platform")) {
            assertThat(manifest.get(key)).as(key).isInstanceOf(String.class);
        }
        assertThat(list(manifest.get("modifiers"))).allSatisfy(m -> assertThat(m).isInstanceOf(String.class));
        for (Object path : list(manifest.get("paths"))) {
            for (String key : List.of("name", "suffix", "s3_key", "s3_bucket_name")) {
                assertThat(map(path).get(key)).as("paths[]." + key).isInstanceOf(String.class);
            }
        }
        Object published = manifest.get("published_image_metadata");
        if (published != null) {
            for (Object image : list(map(published).get("published_aws_images"))) {
                assertThat(map(image).values()).allSatisfy(v -> assertThat(v).isInstanceOf(String.class));
            }
        }
    }

    private static void assertOnlineManifestTypes(Map<String, Object> manifest) {
        assertManifestTypes(manifest);
        assertThat(manifest.get("s3_key")).as("s3_key").isInstanceOf(String.class);
        assertThat(manifest.get("s3_bucket")).as("s3_bucket").isInstanceOf(String.class);
    }

    @Test
    void aManifestReadsWithTheOriginalsTypes() {
        ReleaseManifest manifest = trickyManifest();

        Map<String, Object> read = readByYaml11(ManifestYaml.write(manifest));

        assertManifestTypes(read);
        assertThat(read).containsEntry("build_timestamp", "2026-12-02T04:52:52.265810")
                .containsEntry("version", "318.9").containsEntry("build_committish", "1234567")
                .containsEntry("platform", "on").containsEntry("gardenlinux_epoch", 318)
                .containsEntry("modifiers", List.of("no", "1e10", "base"));
    }

    @Test
    void anUnpublishedOnlineManifestReadsWithTheOriginalsTypes() {
        ReleaseManifest published = trickyManifest();
        ReleaseManifest unpublished = new ReleaseManifest(published.identifier(), published.buildTimestamp(),
                published.paths());

        Map<String, Object> read = readByYaml11(ManifestYaml.write(
                new OnlineReleaseManifest(unpublished, "2026-12-02", "1e10")));

        assertOnlineManifestTypes(read);
        assertThat(read).containsEntry("published_image_metadata", null).containsEntry("s3_key", "2026-12-02")
                .containsEntry("s3_bucket", "1e10");
    }

    @Test
    void aSetWithAManifestTheOriginalWroteReadsWithTheOriginalsTypes() {
        OnlineReleaseManifest original = ManifestYaml.readOnlineManifest(bytes(ORIGINAL_WRITTEN), "Null", "~");
        ReleaseManifestSet set = new ReleaseManifestSet("off", List.of(
                new OnlineReleaseManifest(trickyManifest(), "meta/singles/x", "1877.3"), original));

        Map<String, Object> read = readByYaml11(ManifestYaml.write(new OnlineReleaseManifestSet(set, "1:20", "no")));

        assertThat(read).containsEntry("flavour_set_name", "off").containsEntry("s3_key", "1:20")
                .containsEntry("s3_bucket", "no");
        List<Object> manifests = list(read.get("manifests"));
        assertThat(manifests).hasSize(2).allSatisfy(m -> assertOnlineManifestTypes(map(m)));
        assertThat(manifests.get(1)).isEqualTo(readByYaml11(ORIGINAL_WRITTEN));
    }

    @Test
    void unknownKeysKeepWhatTheyMeantToAYaml11Reader() {
        String other = ORIGINAL_WRITTEN.replace("logs: null\n", """
                logs: null
                logged_at: 2021-08-04T10:11:12
                signed: yes
                quoted_date: '2021-08-04'
                nested:
                  day: 2021-08-04
                  switches: [on, 'off', 0x1F, '1.5', 1.5, text, ~]
                  ratio: 0.5
                  enabled: true
                """).replace("  size: 4096\n", "  size: 4096\n  uploaded: 2021-08-04 10:11:12\n");

        OnlineReleaseManifest read = ManifestYaml.readOnlineManifest(bytes(other), "Null", "~");
        String written = ManifestYaml.write(read);

        assertThat(readByYaml11(written)).isEqualTo(readByYaml11(other));
        assertThat(written).contains("\nlogged_at: 2021-08-04T10:11:12\n", "\nquoted_date: \"2021-08-04\"\n",
                "\nsigned: yes\n", "\n  day: 2021-08-04\n", "\n  - on\n", "\n  - \"off\"\n");
        assertThat(ManifestYaml.readOnlineManifest(bytes(written), "Null", "~")).isEqualTo(read);
    }

    @Test
    void theYaml11ReaderReallyRetypesTheseValuesUnquoted() {
        Map<String, Object> unquoted = readByYaml11(ORIGINAL_WRITTEN.replace("'", ""));

        assertThat(unquoted.get("build_timestamp")).isInstanceOf(Date.class);
        assertThat(unquoted.get("version")).isInstanceOf(Double.class);
        assertThat(unquoted.get("platform")).isEqualTo(true);
        assertThat(unquoted.get("build_committish")).isInstanceOf(Integer.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
