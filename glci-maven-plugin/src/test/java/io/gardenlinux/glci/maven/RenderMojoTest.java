package io.gardenlinux.glci.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.build.PublishingAction;
import io.gardenlinux.glci.render.RenderOptions;
import io.gardenlinux.glci.render.tekton.TektonApi;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderMojoTest {

    private static final Path SAMPLE = Path.of("..", "samples", "gardenlinux").toAbsolutePath().normalize();

    /** The mojo as Maven would set it up, with its own environment. */
    private static final class TestRenderMojo extends RenderMojo {
        final Map<String, String> environment = new HashMap<>();

        TestRenderMojo(Path output) {
            setLog(new RecordingLog());
            repoRoot = SAMPLE.toFile();
            amiId = "replaceme_aws";
            gcpImageName = "replaceme_gcp";
            cicdConfig = "default";
            tektonApi = "v1";
            stepImage = RenderOptions.DEFAULT_STEP_IMAGE;
            outputDirectory = output.toFile();
            committish = "0123456789abcdef0123456789abcdef01234567";
        }

        @Override
        protected Optional<String> env(String name) {
            return Optional.ofNullable(environment.get(name));
        }
    }

    @Test
    void theOriginalsEnvironmentVariablesAreFallbacks(@TempDir Path out) {
        TestRenderMojo mojo = new TestRenderMojo(out);
        mojo.environment.putAll(Map.of("FLAVOUR_SET", "testing", "PUBLISHING_ACTIONS", "images,release",
                "PROMOTE_TARGET", "release", "GARDENLINUX_TKN_WS", "gl-ci", "BRANCH_NAME", "rel-318",
                "GIT_URL", "https://example.org/gl.git", "OCI_PATH", "registry.example.org/gl", "VERSION", "318.10",
                "SECRET_SERVER_ENDPOINT", "http://secrets.example.org"));

        RenderOptions options = mojo.options(mojo.secretSettings());

        assertThat(options.flavourSet()).isEqualTo("testing");
        assertThat(options.publishingActions().actions()).containsExactly(PublishingAction.IMAGES,
                PublishingAction.RELEASE);
        assertThat(options.buildType()).isEqualTo(BuildType.RELEASE);
        assertThat(options.namespace()).isEqualTo("gl-ci");
        assertThat(options.branch()).isEqualTo("rel-318");
        assertThat(options.gitUrl()).isEqualTo("https://example.org/gl.git");
        assertThat(options.ociPath()).isEqualTo("registry.example.org/gl");
        assertThat(options.version()).isEqualTo("318.10");
        assertThat(options.credentials().secretsServerEndpoint()).isEqualTo("http://secrets.example.org");
    }

    @Test
    void propertiesWinOverTheEnvironmentAndDefaultsAreTheOriginals(@TempDir Path out) {
        TestRenderMojo mojo = new TestRenderMojo(out);
        mojo.environment.put("FLAVOUR_SET", "testing");
        mojo.environment.put("SECRET_CIPHER_ALGORITHM", "PLAINTEXT");
        mojo.flavourSet = "aws";
        mojo.promoteTarget = "daily";
        mojo.tektonApi = "v1beta1";

        RenderOptions options = mojo.options(mojo.secretSettings());

        assertThat(options.flavourSet()).isEqualTo("aws");
        assertThat(options.buildType()).isEqualTo(BuildType.DAILY);
        assertThat(options.tektonApi()).isEqualTo(TektonApi.V1BETA1);
        assertThat(options.publishingActions().actions()).containsExactly(PublishingAction.BUILD_ONLY);
        assertThat(options.namespace()).isEqualTo("gardenlinux");
        assertThat(options.credentials().usesSecretsServer()).isFalse();
        assertThat(options.credentials().isEncrypted()).as("PLAINTEXT is no encryption").isFalse();
        assertThat(options.packages()).isEqualTo(RenderOptions.DEFAULT_PACKAGES);
    }

    @Test
    void aBadParameterIsNamed(@TempDir Path out) {
        TestRenderMojo mojo = new TestRenderMojo(out);
        mojo.tektonApi = "v2";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dglci.tektonApi=v2: not a Tekton API version; allowed: v1, v1beta1");

        TestRenderMojo actions = new TestRenderMojo(out);
        actions.buildType = "nightly";
        assertThatThrownBy(actions::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dglci.buildType=nightly: 'nightly' is not a valid BuildType; allowed: snapshot, daily,"
                        + " release");
    }

    @Test
    void writesEveryDocumentAndReplacesAnEarlierRender(@TempDir Path out) throws Exception {
        Path output = out.resolve("glci");
        Files.createDirectories(output);
        Files.writeString(output.resolve("10-task-retired-task.yaml"), "kind: Task\n");
        TestRenderMojo mojo = new TestRenderMojo(output);
        mojo.imageBuild = true;
        mojo.packages = "apt, dracut";

        mojo.execute();

        assertThat(output.toFile().list()).containsExactlyInAnyOrder("10-task-build-baseimage.yaml",
                "10-task-build-gardenlinux-task.yaml", "10-task-build-kernel-packages.yaml",
                "10-task-build-packages.yaml", "10-task-promote-gardenlinux-task.yaml", "10-task-notify-task.yaml",
                "20-pipeline-gardenlinux-build.yaml", "20-pipeline-gl-packages-build.yaml",
                "30-pipelinerun-gardenlinux-build.yaml");
        assertThat(Files.readString(output.resolve("20-pipeline-gl-packages-build.yaml")))
                .contains("build-package-dracut").doesNotContain("build-package-pam");
        assertThat(out.toFile().list()).as("no staging folder is left").containsExactly("glci");
    }

    @Test
    void neverReplacesAFolderHoldingOtherFiles(@TempDir Path out) throws Exception {
        Files.writeString(out.resolve("pom.xml"), "<project/>");
        TestRenderMojo mojo = new TestRenderMojo(out);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("holds files glci did not render (pom.xml)");
        assertThat(out.toFile().list()).containsExactly("pom.xml");
    }

    @Test
    void theDescriptorDocumentsEveryParameterWithItsProperty() throws Exception {
        String descriptor = Files.readString(Path.of("target", "classes", "META-INF", "maven", "plugin.xml"));
        int start = descriptor.indexOf("<goal>render</goal>");
        String render = descriptor.substring(start, descriptor.indexOf("</mojo>", start));
        assertThat(render).contains("<requiresProject>false</requiresProject>");
        for (String property : List.of("glci.repoRoot", "glci.flavourSet", "glci.imageBuild", "glci.packageBuild",
                "glci.setup", "glci.tektonApi", "glci.namespace", "glci.committish", "glci.version", "glci.branch",
                "glci.gitUrl", "glci.ociPath", "glci.publishingActions", "glci.buildType", "glci.promoteTarget",
                "glci.outputDirectory")) {
            assertThat(render).as(property).contains("${" + property + "}");
        }
        assertThat(new File("target/classes/META-INF/maven/plugin.xml")).exists();
    }
}
