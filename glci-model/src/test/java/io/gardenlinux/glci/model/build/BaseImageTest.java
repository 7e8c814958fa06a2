package io.gardenlinux.glci.model.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.manifests.ImageNames;
import org.junit.jupiter.api.Test;

class BaseImageTest {

    @Test
    void referencesFollowTheBuildBaseimageTask() {
        assertThat(BaseImage.values()).extracting(BaseImage::wireValue)
                .containsExactly("build", "build-deb", "build-image");
        assertThat(BaseImage.BUILD_DEB.reference("eu.gcr.io/gardener-project/gardenlinux/", "318.9-c03ea4d3"))
                .isEqualTo("eu.gcr.io/gardener-project/gardenlinux/gardenlinux-build-deb:318.9-c03ea4d3");
        assertThat(BaseImage.find("build-image")).contains(BaseImage.BUILD_IMAGE);
        assertThat(BaseImage.allowed()).isEqualTo("build, build-deb, build-image");
    }

    @Test
    void architectureTagExtendsTheOriginalOciTag() {
        assertThat(ImageNames.ociArchitectureTag("318.9", "oci-_slim-318.9-c03ea4", Architecture.ARM64))
                .isEqualTo("318.9-oci--slim-318.9-c03ea4-arm64");
    }
}
