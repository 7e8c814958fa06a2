package io.gardenlinux.glci.publish.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.build.BaseImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The base image check and the {@code latest} tag against the real test registry. */
class BaseImagesTest {

    private static final String LABEL = "318.9-c03ea4d3d5e2a1b0";

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private final OciRegistries registries = OciRegistries.anonymous(reporter);
    private final BaseImages baseImages = new BaseImages(registries, reporter);

    @AfterEach
    void tearDown() {
        registries.close();
    }

    /** Pushes a small image (one config, one layer) under {@code reference}'s tag; returns its digest. */
    static String pushImage(RepositoryClient repository, String tag, String content) {
        byte[] layer = content.getBytes(StandardCharsets.UTF_8);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + Digests.sha256(layer) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        repository.pushBlob(Digests.sha256(layer), layer.length, () -> new ByteArrayInputStream(layer));
        repository.pushBlob(Digests.sha256(config), config.length, () -> new ByteArrayInputStream(config));
        byte[] manifest = OciImage.manifest(
                new OciImage.Descriptor(OciImage.CONFIG_MEDIA_TYPE, Digests.sha256(config), config.length),
                new OciImage.Descriptor("application/vnd.oci.image.layer.v1.tar", Digests.sha256(layer), layer.length),
                Map.of());
        return repository.putManifest(tag, RepositoryClient.OCI_MANIFEST, manifest, Optional.empty());
    }

    @Test
    void onlyMissingImagesAreToBeBuilt() {
        String ociPath = TestRegistry.uniqueRepository("base");
        pushImage(registries.repository(ImageReference.parse(BaseImage.BUILD.reference(ociPath, LABEL))), LABEL, "b");
        pushImage(registries.repository(ImageReference.parse(BaseImage.BUILD_IMAGE.reference(ociPath, LABEL))), LABEL,
                "i");

        assertThat(baseImages.missing(ociPath, LABEL)).containsExactly(BaseImage.BUILD_DEB);
        assertThat(baseImages.missing(ociPath, "other-label")).containsExactly(BaseImage.values());
        assertThat(reporter.all()).contains("skipping build of image, reference image_ref='" + ociPath
                + "/gardenlinux-build:" + LABEL + "' - already exists");
    }

    @Test
    void namesAreWrittenOnePerLineAndReplaceTheFileWhole() throws Exception {
        Path file = dir.resolve("out/base_images_to_build");
        BaseImages.writeNames(List.of(BaseImage.BUILD, BaseImage.BUILD_DEB), file);
        assertThat(Files.readString(file)).isEqualTo("build\nbuild-deb\n");
        BaseImages.writeNames(List.of(), file);
        assertThat(Files.readString(file)).isEmpty();
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void latestPointsAtTheVersionedManifest() {
        String ociPath = TestRegistry.uniqueRepository("tag");
        for (BaseImage image : BaseImage.values()) {
            RepositoryClient repository = registries.repository(ImageReference.parse(image.reference(ociPath, LABEL)));
            pushImage(repository, BaseImage.LATEST_TAG, "old " + image);
            pushImage(repository, LABEL, "new " + image);
        }

        baseImages.tagLatest(ociPath, LABEL);
        baseImages.tagLatest(ociPath, LABEL);

        for (BaseImage image : BaseImage.values()) {
            RepositoryClient repository = registries.repository(ImageReference.parse(image.reference(ociPath, LABEL)));
            assertThat(repository.head(BaseImage.LATEST_TAG).orElseThrow().digest())
                    .isEqualTo(repository.head(LABEL).orElseThrow().digest());
        }
        assertThat(reporter.all()).contains("is already sha256:");
    }

    @Test
    void taggingWithAMissingImageNamesItAndTagsNothing() {
        String ociPath = TestRegistry.uniqueRepository("missing");
        RepositoryClient build = registries.repository(ImageReference.parse(BaseImage.BUILD.reference(ociPath, LABEL)));
        pushImage(build, LABEL, "b");
        pushImage(registries.repository(ImageReference.parse(BaseImage.BUILD_IMAGE.reference(ociPath, LABEL))), LABEL,
                "i");

        assertThatThrownBy(() -> baseImages.tagLatest(ociPath, LABEL))
                .isInstanceOf(GlciException.class)
                .hasMessage("base image " + ociPath + "/gardenlinux-build-deb:" + LABEL + " does not exist; the "
                        + "build-baseimage step must build them before they are tagged latest (nothing was tagged)");
        assertThat(build.head(BaseImage.LATEST_TAG)).isEmpty();
    }

    @Test
    void anInvalidOciPathIsNamed() {
        assertThatThrownBy(() -> baseImages.missing("127.0.0.1:5000/Upper Case", LABEL))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("OCI path '127.0.0.1:5000/Upper Case'");
    }
}
