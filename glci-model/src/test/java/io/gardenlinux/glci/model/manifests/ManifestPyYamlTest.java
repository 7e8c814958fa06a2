package io.gardenlinux.glci.model.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AwsPublishedImage;
import io.gardenlinux.glci.model.manifests.PublishedImageMetadata.AwsPublishedImageSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real reader: what glci writes is loaded by PyYAML (Debian's python3-yaml, which bin/with-test-services installs)
 * and every field has the type of the original's dataclasses. Without PyYAML the test fails; it never skips.
 */
class ManifestPyYamlTest {

    /** Debian's interpreter, where python3-yaml installs PyYAML. */
    private static final String PYTHON = "/usr/bin/python3";

    /** A manifest as the original wrote it: its quotes keep values that look like other types strings. */
    private static final String ORIGINAL_WRITTEN = """
            architecture: amd64
            build_committish: '1234567'
            build_timestamp: '2021-08-04T10:11:12.123456'
            gardenlinux_epoch: 318
            modifiers: [_prod, 'on', base]
            paths:
            - {name: '318.9', s3_bucket_name: gardenlinux, s3_key: objects/0b1, suffix: rootfs.raw}
            platform: aws
            published_image_metadata: null
            s3_bucket: gardenlinux
            s3_key: meta/singles/aws-_prod-318.9-123456
            version: '318.9'
            """;

    @Test
    void manifestsAndSetsGlciWritesHaveTheOriginalsTypesInPyYaml(@TempDir Path dir) throws Exception {
        ReleaseManifest single = new ReleaseManifest(
                new ReleaseIdentifier("1234567", "1877.3", 1877, Architecture.ARM64, "no", List.of("yes", "1e10")),
                "2026-12-02T04:52:52.265810",
                List.of(new S3ReleaseFile("318.9", "2026-12-02", "0x1F", "~")),
                new AwsPublishedImageSet(List.of(new AwsPublishedImage("1_000", "off", "1:20", Map.of())), Map.of()),
                Map.of());
        OnlineReleaseManifest online = new OnlineReleaseManifest(single, "null", "Yes");
        OnlineReleaseManifest reembedded = ManifestYaml.readOnlineManifest(
                ORIGINAL_WRITTEN.getBytes(StandardCharsets.UTF_8), "gardenlinux",
                "meta/singles/aws-_prod-318.9-123456");
        ReleaseManifestSet set = new ReleaseManifestSet("318.9", List.of(reembedded, online), Map.of());

        List<String> files = new ArrayList<>();
        files.add(write(dir, "single.yaml", ManifestYaml.write(single)));
        files.add(write(dir, "online.yaml", ManifestYaml.write(online)));
        files.add(write(dir, "set.yaml", ManifestYaml.write(set)));

        assertThat(pyYaml(files)).isEqualTo("OK");
    }

    private static String write(Path dir, String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file.toString();
    }

    private static String pyYaml(List<String> files) throws Exception {
        Path script = Path.of(ManifestPyYamlTest.class.getResource("/pyyaml/check_types.py").toURI());
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("PyYAML did not finish in 120 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(output).as("PyYAML (" + PYTHON + " with python3-yaml; bin/with-test-services installs it)")
                .doesNotContain("ModuleNotFoundError");
        return output;
    }
}
