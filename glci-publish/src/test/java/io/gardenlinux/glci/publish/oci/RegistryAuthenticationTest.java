package io.gardenlinux.glci.publish.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.build.BaseImage;
import io.gardenlinux.glci.model.credentials.Credentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials against a registry that requires them: Debian's {@code docker-registry} with htpasswd
 * authentication, started by this test on a free loopback port.
 */
class RegistryAuthenticationTest {

    private static final String LABEL = "318.9-c03ea4d3";
    private static final String PASSWORD = "s3cret-Pa55";

    @TempDir
    static Path dir;

    private static Process registry;
    private static String address;

    @BeforeAll
    static void startRegistry() throws Exception {
        Path binary = Path.of("/usr/bin/docker-registry");
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("/usr/bin/docker-registry is missing: apt-get install -y docker-registry");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        address = "127.0.0.1:" + port;
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Files.writeString(dir.resolve("htpasswd"),
                "robot:" + OpenBSDBCrypt.generate("2y", PASSWORD.toCharArray(), salt, 5) + "\n");
        Files.writeString(dir.resolve("config.yml"), String.join("\n",
                "version: 0.1",
                "log: { level: error, accesslog: { disabled: true } }",
                "storage: { filesystem: { rootdirectory: " + dir.resolve("data") + " }, delete: { enabled: true } }",
                "http: { addr: '" + address + "' }",
                "auth: { htpasswd: { realm: glci-test, path: " + dir.resolve("htpasswd") + " } }",
                ""));
        registry = new ProcessBuilder(binary.toString(), "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                HttpResponse<Void> response = TestRegistry.HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://" + address + "/v2/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline || !registry.isAlive()) {
                throw new AssertionError("the htpasswd registry on " + address + " did not start: "
                        + Files.readString(dir.resolve("registry.log")));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stopRegistry() throws InterruptedException {
        if (registry != null) {
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Credentials credentials(String password, String prefix) {
        String document = "{\"cfg_types\": {}, \"container_registry\": {\"robot-push\": {"
                + "\"username\": \"robot\", \"password\": \"" + password + "\", \"privileges\": \"readwrite\","
                + "\"image_reference_prefixes\": [\"" + prefix + "\"]}}}";
        return Credentials.readDocument(document.getBytes(StandardCharsets.UTF_8), "test credentials");
    }

    @Test
    void theMatchingCredentialIsUsed() {
        RecordingReporter reporter = new RecordingReporter();
        try (OciRegistries registries = OciRegistries.of(credentials(PASSWORD, address + "/glci"), reporter)) {
            String ociPath = address + "/glci/images";
            BaseImagesTest.pushImage(registries.repository(ImageReference.parse(
                    BaseImage.BUILD.reference(ociPath, LABEL))), LABEL, "authenticated");

            assertThat(new BaseImages(registries, reporter).missing(ociPath, LABEL))
                    .containsExactly(BaseImage.BUILD_DEB, BaseImage.BUILD_IMAGE);
            assertThat(reporter.all()).contains("container_registry credential 'robot-push'")
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void aWrongPasswordGivesAClearErrorWithoutTheSecret() {
        RecordingReporter reporter = new RecordingReporter();
        try (OciRegistries registries = OciRegistries.of(credentials("wrong-Passw0rd", address + "/glci"), reporter)) {
            assertThatThrownBy(() -> new BaseImages(registries, reporter).missing(address + "/glci/images", LABEL))
                    .isInstanceOf(GlciException.class)
                    .hasMessageContaining("refused access (HTTP 401)")
                    .hasMessageContaining("with container_registry credential 'robot-push' (user 'robot')")
                    .hasMessageContaining("image_reference_prefixes match '" + address + "/glci/images/gardenlinux-build'")
                    .hasMessageNotContaining("wrong-Passw0rd");
            assertThat(reporter.all()).as("a refusal is not retried").doesNotContain("wrong-Passw0rd")
                    .doesNotContain("attempt 2");
        }
    }

    @Test
    void withoutAMatchingCredentialAccessIsAnonymousAndTheErrorSaysSo() {
        RecordingReporter reporter = new RecordingReporter();
        try (OciRegistries registries = OciRegistries.of(credentials(PASSWORD, "eu.gcr.io/other"), reporter)) {
            assertThatThrownBy(() -> new OciPublisher(registries, dir.resolve("work"), reporter).publish(
                    new OciPublisher.Request(address + "/glci/rootfs", "318.9", "oci-base-318.9-c03ea4",
                            io.gardenlinux.glci.model.flavours.Architecture.AMD64,
                            RootfsSource.ofFile(TestRegistry.rootfsTarXz(dir, 1, 1024, null)))))
                    .isInstanceOf(GlciException.class)
                    .hasMessageContaining("refused access (HTTP 401) anonymously");
        }
    }
}
