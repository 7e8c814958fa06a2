package io.gardenlinux.glci.model.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Samples;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VersionsTest {

    private static final LocalDate REFERENCE_DAY = LocalDate.of(2021, 8, 4);

    @Test
    void epochIsDaysSinceTheFirstOfApril2020PlusOne() {
        assertThat(GardenlinuxEpoch.of(LocalDate.of(2020, 4, 1))).isEqualTo(1);
        assertThat(GardenlinuxEpoch.of(REFERENCE_DAY)).isEqualTo(491);
        assertThatThrownBy(() -> GardenlinuxEpoch.of(LocalDate.of(2020, 3, 31)))
                .hasMessage("2020-03-31 is before the first Garden Linux epoch (2020-04-01)");
    }

    @Test
    void snapshotDates() {
        assertThat(GardenlinuxEpoch.snapshotTimestamp(318)).isEqualTo("20210212");
        assertThat(GardenlinuxEpoch.snapshotTimestamp(1)).isEqualTo("20200401");
        assertThat(GardenlinuxEpoch.snapshotDate(491)).isEqualTo(REFERENCE_DAY);
    }

    @Test
    void theSampleVersionFileSkipsItsComments() {
        GardenlinuxVersion version = GardenlinuxVersion.read(Samples.GARDENLINUX.resolve("VERSION"));

        assertThat(version.value()).isEqualTo("318.9");
        assertThat(version.epoch(REFERENCE_DAY)).isEqualTo(318);
        assertThat(version.nextReleaseVersion(REFERENCE_DAY)).isEqualTo(new ReleaseVersion(318, 9));
    }

    @Test
    void trailingCommentsAndBlankLines() {
        GardenlinuxVersion version = GardenlinuxVersion.parse("\n  # c\n\n  27.1   # next\n28.0\n", "VERSION");
        assertThat(version.value()).isEqualTo("27.1");
    }

    @Test
    void todayIsTheEpochOfTheDayAndPatchZero() {
        GardenlinuxVersion today = GardenlinuxVersion.parse("today\n", "VERSION");

        assertThat(today.isToday()).isTrue();
        assertThat(today.epoch(REFERENCE_DAY)).isEqualTo(491);
        assertThat(today.nextReleaseVersion(REFERENCE_DAY).toString()).isEqualTo("491.0");
    }

    @Test
    void badVersionFiles() {
        assertThatThrownBy(() -> GardenlinuxVersion.parse("# only\n\n", "VERSION"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("VERSION: did not find uncommented, non-empty line in VERSION; expected the next release"
                        + " version (X.Y) or 'today'");
        assertThatThrownBy(() -> GardenlinuxVersion.parse("tomorrow\n", "VERSION"))
                .hasMessage("VERSION: version_str='tomorrow' was not understood - either semver or \"today\" are"
                        + " supported; write X.Y (such as 318.9) or today");
        assertThatThrownBy(() -> GardenlinuxVersion.parse("318.9.1\n", "VERSION"))
                .hasMessageContaining("version_str='318.9.1' was not understood");
    }

    @Test
    void releaseVersions() {
        ReleaseVersion version = ReleaseVersion.parse("318.9");

        assertThat(version.nextPatch().toString()).isEqualTo("318.10");
        assertThat(version.releaseBranch()).isEqualTo("rel-318");
        assertThat(version.isFirstOfEpoch()).isFalse();
        assertThat(ReleaseVersion.parse("318.0").isFirstOfEpoch()).isTrue();
        assertThat(version.semver()).isEqualTo("318.9.0");
        assertThatThrownBy(() -> ReleaseVersion.parse("318"))
                .hasMessage("version '318' is not a release version <epoch>.<patch>, such as 318.9");
    }

    @Test
    void versionLabel() {
        assertThat(GardenlinuxVersion.versionLabel("318.9", Samples.COMMIT))
                .isEqualTo("318.9-c03ea4d3d0905b463e78bbb582853a8bc4437496");
    }
}
