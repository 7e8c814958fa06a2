package io.gardenlinux.glci.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * The settings table and the plugin agree: every setting a person can give is a {@code glci.<key>} property of a goal,
 * and the libraries' neutral wording becomes Maven's here alone.
 */
class SettingsWordingTest {

    @Test
    void everySettingOfTheTableIsAPropertyOfAGoal() throws Exception {
        String descriptor = Files.readString(Path.of("target", "classes", "META-INF", "maven", "plugin.xml"));
        for (Setting<?> setting : GlciSettings.all()) {
            if (!setting.environmentOnly()) {
                assertThat(descriptor).as(setting.key()).contains("${" + MavenWording.property(setting) + "}");
            }
        }
    }

    @Test
    void theReadmeListsEverySettingWithItsVariablesAndDefault() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("..", "README.md"));
        for (Setting<?> setting : GlciSettings.all()) {
            String name = setting.environmentOnly() ? "| env `" + setting.environment().get(0) + "` only |"
                    : "| `" + MavenWording.property(setting) + "` |";
            String row = rows.stream().filter(r -> r.startsWith(name)).findFirst().orElseThrow(
                    () -> new AssertionError("README.md has no row for " + setting.key()));
            setting.environment().forEach(variable -> assertThat(row).as(setting.key()).contains("`" + variable + "`"));
            setting.defaultValue().ifPresent(d -> assertThat(row).as(setting.key()).contains("| `" + d + "` |"));
        }
    }

    @Test
    void librariesMentionSettingsAndGoalsInTheirOwnWordsAndMavenGetsItsOwn() {
        assertThat(MavenWording.words("cancel it with " + GlciSettings.goal("cancel") + " "
                + GlciSettings.RUN.mention("gl-1") + " in " + GlciSettings.NAMESPACE.mention()))
                .isEqualTo("cancel it with mvn glci:cancel -Dglci.run=gl-1 in -Dglci.namespace");
        assertThat(MavenWording.words("decrypt with " + GlciSettings.SECRET_KEY.mention()))
                .as("a setting of the environment only is named by its variable").isEqualTo("decrypt with SECRET_KEY");
        assertThat(MavenWording.words("nothing to change")).isEqualTo("nothing to change");
    }

    @Test
    void aBadNumberIsOneLineBeforeAnythingIsDone() {
        UploadResultsMojo upload = new UploadResultsMojo() {
            @Override
            protected Optional<String> env(String name) {
                return Optional.empty();
            }
        };
        upload.partSizeMiB = "4096";
        assertThatThrownBy(upload::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dglci.partSizeMiB=4096: out of range; allowed: from 5 to 1024");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() {
        RenderMojo render = new RenderMojo() {
            @Override
            protected Optional<String> env(String name) {
                return Optional.ofNullable(name.equals("SECRET_CIPHER_ALGORITHM") ? "AES.CBC" : null);
            }
        };
        assertThatThrownBy(render::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("SECRET_CIPHER_ALGORITHM=AES.CBC (environment; -Dglci.secretCipherAlgorithm is not given):"
                        + " not supported; allowed: PLAINTEXT, AES.ECB, AES.GCM");
    }

    @Test
    void renderAndApplyAgreeOnTheCipher() {
        RenderMojo render = new RenderMojo() {
            @Override
            protected Optional<String> env(String name) {
                return Optional.ofNullable(name.equals("SECRET_CIPHER_ALGORITHM") ? "AES.GCM" : null);
            }
        };
        assertThatThrownBy(render::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("set both SECRET_CIPHER_ALGORITHM and SECRET_KEY or neither; only"
                        + " SECRET_CIPHER_ALGORITHM is set");
    }
}
