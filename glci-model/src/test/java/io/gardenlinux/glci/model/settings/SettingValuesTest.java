package io.gardenlinux.glci.model.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.build.PublishingAction;
import io.gardenlinux.glci.model.credentials.SecretCipher;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One table of settings: given values win over the original's environment variables, which win over defaults. */
class SettingValuesTest {

    private static Function<String, Optional<String>> env(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void theDefaultsAreTheOriginals() {
        SettingValues settings = SettingValues.ofEnvironment(env(Map.of()));
        assertThat(settings.get(GlciSettings.NAMESPACE)).isEqualTo("gardenlinux");
        assertThat(settings.get(GlciSettings.FLAVOUR_SET)).isEqualTo("all");
        assertThat(settings.get(GlciSettings.PUBLISHING_ACTIONS).actions()).containsExactly(PublishingAction.BUILD_ONLY);
        assertThat(settings.get(GlciSettings.BUILD_TYPE)).isEqualTo(BuildType.SNAPSHOT);
        assertThat(settings.get(GlciSettings.BRANCH)).isEqualTo("main");
        assertThat(settings.get(GlciSettings.SECRET_CIPHER_ALGORITHM)).isEqualTo(SecretCipher.PLAINTEXT);
        assertThat(settings.get(GlciSettings.KEEP)).isEqualTo(20);
        assertThat(settings.get(GlciSettings.S3_CONCURRENCY)).isEqualTo(8);
        assertThat(settings.find(GlciSettings.VERSION)).isEmpty();
        assertThat(settings.explicit(GlciSettings.GIT_URL)).as("a default is not explicit").isEmpty();
        assertThat(settings.get(GlciSettings.GIT_URL)).isEqualTo("https://github.com/gardenlinux/gardenlinux");
    }

    @Test
    void givenWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        SettingValues settings = SettingValues.builder(env(Map.of("GARDENLINUX_TKN_WS", "gl-ci", "FLAVOUR_SET",
                        "testing", "PROMOTE_TARGET", "release")))
                .put(GlciSettings.FLAVOUR_SET, "aws")
                .put(GlciSettings.BRANCH, " ")
                .build();
        assertThat(settings.get(GlciSettings.FLAVOUR_SET)).isEqualTo("aws");
        assertThat(settings.get(GlciSettings.NAMESPACE)).isEqualTo("gl-ci");
        assertThat(settings.get(GlciSettings.BUILD_TYPE)).isEqualTo(BuildType.RELEASE);
        assertThat(settings.get(GlciSettings.BRANCH)).as("blank is not given").isEqualTo("main");
        assertThat(settings.origin(GlciSettings.NAMESPACE).orElseThrow().variable()).hasValue("GARDENLINUX_TKN_WS");
    }

    @Test
    void theSecretsServerVariableOfTheReadmeCountsAndTheOriginalsWins() {
        SettingValues readme = SettingValues.ofEnvironment(env(Map.of("SECRET_SERVER_ENDPOINT", "http://b")));
        assertThat(readme.origin(GlciSettings.SECRETS_SERVER_ENDPOINT).orElseThrow().variable())
                .hasValue("SECRET_SERVER_ENDPOINT");
        SettingValues both = SettingValues.ofEnvironment(env(Map.of("SECRET_SERVER_ENDPOINT", "http://b",
                "SECRETS_SERVER_ENDPOINT", "http://a")));
        assertThat(both.get(GlciSettings.SECRETS_SERVER_ENDPOINT)).isEqualTo("http://a");
    }

    @Test
    void numbersAreCheckedBeforeAnyArithmetic() {
        SettingValues settings = SettingValues.builder(env(Map.of()))
                .put(GlciSettings.PART_SIZE_MIB, "4096")
                .put(GlciSettings.S3_CONCURRENCY, "eight")
                .put(GlciSettings.KEEP, "-1")
                .build();
        assertThatThrownBy(() -> settings.get(GlciSettings.PART_SIZE_MIB)).isInstanceOf(SettingException.class)
                .hasMessage("setting 'partSizeMiB'=4096: out of range; allowed: from 5 to 1024");
        assertThatThrownBy(() -> settings.get(GlciSettings.S3_CONCURRENCY))
                .hasMessage("setting 's3Concurrency'=eight: not a whole number; allowed: from 1 to 64");
        assertThatThrownBy(() -> settings.get(GlciSettings.KEEP))
                .hasMessage("setting 'keep'=-1: out of range; allowed: 0 or more");
    }

    @Test
    void aValueFromTheEnvironmentIsNamedByItsVariable() {
        SettingValues settings = SettingValues.ofEnvironment(env(Map.of("SECRET_CIPHER_ALGORITHM", "ROT13")));
        assertThatThrownBy(() -> settings.get(GlciSettings.SECRET_CIPHER_ALGORITHM))
                .isInstanceOfSatisfying(SettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo(GlciSettings.SECRET_CIPHER_ALGORITHM);
                    assertThat(e.origin().orElseThrow().kind()).isEqualTo(SettingValues.Kind.ENVIRONMENT);
                })
                .hasMessage("SECRET_CIPHER_ALGORITHM=ROT13 (setting 'secretCipherAlgorithm'): not supported; allowed:"
                        + " PLAINTEXT, AES.ECB, AES.GCM");
    }

    @Test
    void aMissingSettingSaysWhatItIsAndWhichVariableStandsIn() {
        SettingValues settings = SettingValues.ofEnvironment(env(Map.of()));
        assertThatThrownBy(() -> settings.get(GlciSettings.RUN))
                .hasMessage("setting 'run' is not set (the name of a PipelineRun)");
        assertThatThrownBy(() -> settings.get(GlciSettings.VERSION))
                .hasMessageStartingWith("setting 'version' is not set (the version to build").hasMessageEndingWith(
                        "; or set VERSION");
    }

    @Test
    void aSecretIsReadFromTheEnvironmentOnlyAndNeverShown() {
        assertThatThrownBy(() -> SettingValues.builder(env(Map.of())).put(GlciSettings.SECRET_KEY, "abc"))
                .isInstanceOf(IllegalArgumentException.class);
        SettingValues settings = SettingValues.ofEnvironment(env(Map.of("SECRET_KEY", "c2VjcmV0")));
        assertThat(settings.get(GlciSettings.SECRET_KEY)).isEqualTo("c2VjcmV0");
        SettingException refused = SettingException.invalid(GlciSettings.SECRET_KEY,
                settings.origin(GlciSettings.SECRET_KEY).orElseThrow(), "too short");
        assertThat(refused.getMessage()).doesNotContain("c2VjcmV0").contains("SECRET_KEY=(hidden)");
    }

    @ParameterizedTest
    @CsvSource({"True, true", "false, false", "yes, true", "0, false"})
    void flagsAreReadAsThePipelinesPassThem(String text, boolean expected) {
        assertThat(SettingValues.builder(env(Map.of())).put(GlciSettings.DISABLE_NOTIFICATIONS, text).build()
                .get(GlciSettings.DISABLE_NOTIFICATIONS)).isEqualTo(expected);
    }

    @Test
    void aBadFlagOrTimeIsRefused() {
        SettingValues settings = SettingValues.builder(env(Map.of("SOURCE_DATE_EPOCH", "yesterday")))
                .put(GlciSettings.DISABLE_NOTIFICATIONS, "maybe")
                .build();
        assertThatThrownBy(() -> settings.get(GlciSettings.DISABLE_NOTIFICATIONS))
                .hasMessage("setting 'disableNotifications'=maybe: not a boolean; use true or false");
        assertThatThrownBy(() -> settings.get(GlciSettings.SOURCE_DATE_EPOCH))
                .hasMessageStartingWith("SOURCE_DATE_EPOCH=yesterday (setting 'sourceDateEpoch'): not a time");
        assertThat(SettingValues.ofEnvironment(env(Map.of("SOURCE_DATE_EPOCH", "1628078400")))
                .get(GlciSettings.SOURCE_DATE_EPOCH)).isEqualTo(Instant.parse("2021-08-04T12:00:00Z"));
    }

    @Test
    void everyKeyOfTheTableIsThereOnceAndDocumented() {
        List<Setting<?>> all = GlciSettings.all();
        assertThat(all).hasSizeGreaterThan(30).contains(GlciSettings.NAMESPACE, GlciSettings.SECRET_KEY);
        assertThat(new HashSet<>(all.stream().map(Setting::key).toList())).hasSameSizeAs(all);
        assertThat(all).allSatisfy(s -> assertThat(s.description()).isNotBlank());
        assertThat(all).allSatisfy(s -> s.defaultValue().ifPresent(d -> s.parser().parse(d)));
    }
}
