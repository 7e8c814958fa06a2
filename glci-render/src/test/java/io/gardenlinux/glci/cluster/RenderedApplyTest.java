package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import static io.gardenlinux.glci.cluster.MockCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gardenlinux.glci.cluster.Applied.Outcome;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.render.PipelineRenderer;
import io.gardenlinux.glci.render.RenderOptions;
import io.gardenlinux.glci.render.RenderedDocument;
import io.gardenlinux.glci.render.Rendering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What glci:apply and glci:trigger do with a real rendering of the sample tree. */
@EnableKubernetesMockClient(crud = true, kubernetesClientBuilderCustomizer = PatientClient.class)
class RenderedApplyTest {

    private static final Path GARDENLINUX = Path.of("..", "samples", "gardenlinux").toAbsolutePath().normalize();
    private static final String SECRET_VALUE = "wJalrXUtnFEMI-never-in-a-document";
    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path cfg;

    private Credentials credentials() throws IOException {
        Files.writeString(cfg.resolve("cfg_types.yaml"), "aws:\n  src:\n  - file: aws.yaml\n");
        Files.writeString(cfg.resolve("aws.yaml"), "gardenlinux:\n  region: eu-central-1\n  access_key_id: AKIA\n"
                + "  secret_access_key: " + SECRET_VALUE + "\n");
        return Credentials.readDirectory(cfg);
    }

    private static Rendering render(TektonApi api, SecretSettings secrets) {
        return PipelineRenderer.render(RenderOptions.builder(GARDENLINUX)
                .committish("0123456789abcdef0123456789abcdef01234567")
                .now(Instant.parse("2021-08-04T12:00:00Z"))
                .tektonApi(api)
                .setup(true)
                .imageBuild(true)
                .packageBuild(true)
                .credentials(secrets.stepCredentials())
                .build());
    }

    @ParameterizedTest
    @EnumSource(TektonApi.class)
    void applyingARenderingTwiceChangesNothingTheSecondTime(TektonApi api) throws IOException {
        MockCluster.installTekton(server, client, api);
        ClusterConnection connection = MockCluster.connect(client, api);
        SecretSettings secrets = SecretSettings.fromEnvironment(name -> Optional.ofNullable(Map.of(
                "SECRET_CIPHER_ALGORITHM", "AES.GCM", "SECRET_KEY", KEY).get(name)));
        Rendering rendering = render(api, secrets);
        RecordingReporter reporter = new RecordingReporter();

        List<Applied> first = apply(connection, rendering, secrets, reporter);
        List<Applied> second = apply(connection, rendering, secrets, reporter);

        assertThat(first).extracting(Applied::outcome).containsOnly(Outcome.CREATED, Outcome.UNCHANGED);
        assertThat(first).extracting(Applied::kind).contains("Namespace", "LimitRange", "ClusterRole",
                "ClusterRoleBinding", "Task", "Pipeline", "Secret");
        assertThat(second).hasSameSizeAs(first).extracting(Applied::outcome).containsOnly(Outcome.UNCHANGED);
        assertThat(client.genericKubernetesResources(api.pipelines()).inNamespace(NAMESPACE).list().getItems())
                .extracting(p -> p.getMetadata().getName()).containsExactlyInAnyOrder("gardenlinux-build",
                        "gl-packages-build");

        List<String> runs = new RunStarter(connection, reporter).start(rendering.pipelineRuns(), Optional.empty());
        assertThat(runs).hasSize(2);
        List<GenericKubernetesResource> started = client.genericKubernetesResources(api.pipelineRuns())
                .inNamespace(NAMESPACE).list().getItems();
        assertThat(started).extracting(r -> r.get("spec", "pipelineRef", "name").toString())
                .containsExactlyInAnyOrder("gardenlinux-build", "gl-packages-build");

        for (RenderedDocument document : rendering.documents()) {
            assertThat(document.yaml()).as(document.fileName()).doesNotContain(SECRET_VALUE).doesNotContain(KEY);
        }
        assertThat(reporter.text()).doesNotContain(SECRET_VALUE).doesNotContain(KEY);
    }

    private List<Applied> apply(ClusterConnection connection, Rendering rendering, SecretSettings secrets,
            RecordingReporter reporter) throws IOException {
        Credentials credentials = credentials();
        return new RenderingApplier(connection, reporter).apply(rendering, () -> credentials, secrets);
    }
}
