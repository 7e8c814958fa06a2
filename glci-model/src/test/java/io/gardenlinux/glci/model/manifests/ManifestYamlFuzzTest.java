package io.gardenlinux.glci.model.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gardenlinux.glci.model.fuzz.BadInput;
import java.nio.charset.StandardCharsets;

/**
 * Release manifests and manifest sets, plain and online: any bytes are a document or one
 * {@link io.gardenlinux.glci.model.InvalidInputException}; what is read is written back to the same value.
 */
class ManifestYamlFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void readsManifestsAndSets(byte[] input) {
        BadInput.readOrReject("meta/singles/x", () -> {
            ReleaseManifest manifest = ManifestYaml.readManifest(input, "meta/singles/x");
            assertThat(ManifestYaml.readManifest(bytes(ManifestYaml.write(manifest)), "meta/singles/x"))
                    .isEqualTo(manifest);
        });
        BadInput.readOrReject("bucket/meta/singles/x", () -> {
            OnlineReleaseManifest manifest = ManifestYaml.readOnlineManifest(input, "bucket", "meta/singles/x");
            assertThat(ManifestYaml.readOnlineManifest(bytes(ManifestYaml.write(manifest)), "bucket",
                    "meta/singles/x")).isEqualTo(manifest);
        });
        BadInput.readOrReject("meta/sets/x", () -> {
            ReleaseManifestSet set = ManifestYaml.readSet(input, "meta/sets/x");
            assertThat(ManifestYaml.readSet(bytes(ManifestYaml.write(set)), "meta/sets/x")).isEqualTo(set);
        });
        BadInput.readOrReject("bucket/meta/sets/x", () -> {
            OnlineReleaseManifestSet set = ManifestYaml.readOnlineSet(input, "bucket", "meta/sets/x");
            assertThat(ManifestYaml.readOnlineSet(bytes(ManifestYaml.write(set)), "bucket", "meta/sets/x"))
                    .isEqualTo(set);
        });
    }

    private static byte[] bytes(String yaml) {
        return yaml.getBytes(StandardCharsets.UTF_8);
    }
}
