package io.gardenlinux.glci.model.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublishingActionsTest {

    @Test
    void commaListsAreTrimmedAndKeepTheirOrder() {
        PublishingActions actions = PublishingActions.parse(" manifests , build_only,,manifests");

        assertThat(actions.actions()).containsExactly(PublishingAction.MANIFESTS, PublishingAction.BUILD_ONLY);
        assertThat(actions.toParameter()).isEqualTo("manifests,build_only");
        assertThat(actions.abbreviation()).isEqualTo("man-bo");
        assertThat(actions.contains(PublishingAction.RELEASE)).isFalse();
    }

    @Test
    void abbreviations() {
        assertThat(PublishingActions.parse("images,release").with(PublishingAction.MANIFESTS).abbreviation())
                .isEqualTo("imgs-rel-man");
    }

    @Test
    void anInvalidActionNamesTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> PublishingActions.parse("manifests,build-only"))
                .hasMessage("'build-only' is not a valid PublishingAction; allowed: manifests, images, release,"
                        + " build_only");
    }

    @Test
    void buildTypes() {
        assertThat(BuildType.fromWireValue("daily")).isEqualTo(BuildType.DAILY);
        assertThatThrownBy(() -> BuildType.fromWireValue("snapshots"))
                .hasMessage("'snapshots' is not a valid BuildType; allowed: snapshot, daily, release");
    }
}
