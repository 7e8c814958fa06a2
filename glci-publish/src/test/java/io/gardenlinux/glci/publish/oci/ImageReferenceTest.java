package io.gardenlinux.glci.publish.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void registryWithAPortKeepsItsPortAndTheTagIsSplitOff() {
        ImageReference reference = ImageReference.parse("127.0.0.1:5000/gardenlinux/oci:318.9-oci-base-318.9-c03ea4");
        assertThat(reference.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(reference.repository()).isEqualTo("gardenlinux/oci");
        assertThat(reference.tag()).isEqualTo("318.9-oci-base-318.9-c03ea4");
        assertThat(reference.isLoopback()).isTrue();
        assertThat(reference).hasToString("127.0.0.1:5000/gardenlinux/oci:318.9-oci-base-318.9-c03ea4");
    }

    @Test
    void formsOfReferences() {
        assertThat(ImageReference.parse("eu.gcr.io/gardener-project/gardenlinux/gardenlinux-build"))
                .isEqualTo(new ImageReference("eu.gcr.io", "gardener-project/gardenlinux/gardenlinux-build", null,
                        null));
        assertThat(ImageReference.parse("debian:testing-slim"))
                .isEqualTo(new ImageReference("docker.io", "library/debian", "testing-slim", null));
        assertThat(ImageReference.parse("localhost/x@" + DIGEST).digest()).isEqualTo(DIGEST);
        assertThat(ImageReference.parse("localhost:5000/x:1").isLoopback()).isTrue();
        assertThat(ImageReference.parse("[::1]:5000/x").isLoopback()).isTrue();
        assertThat(ImageReference.parse("eu.gcr.io/x").isLoopback()).isFalse();
        assertThat(ImageReference.parse("docker.io/library/debian").apiHost()).isEqualTo("registry-1.docker.io");
        assertThat(ImageReference.parse("eu.gcr.io/x:1").withDigest(DIGEST)).hasToString("eu.gcr.io/x@" + DIGEST);
    }

    @Test
    void invalidReferencesNameTheValueAndTheForm() {
        assertThatThrownBy(() -> ImageReference.parse("eu.gcr.io/Gardener"))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("invalid image reference 'eu.gcr.io/Gardener': repository 'Gardener'")
                .hasMessageContaining("expected [registry[:port]/]repository[:tag]");
        assertThatThrownBy(() -> ImageReference.parse("eu.gcr.io/x:-bad")).hasMessageContaining("tag '-bad'");
        assertThatThrownBy(() -> ImageReference.parse("eu.gcr.io/x@sha256:12")).hasMessageContaining("digest");
        assertThatThrownBy(() -> ImageReference.parse(" ")).hasMessageContaining("it is empty");
    }
}
