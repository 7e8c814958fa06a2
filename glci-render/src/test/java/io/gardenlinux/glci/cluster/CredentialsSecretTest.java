package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import static io.gardenlinux.glci.cluster.MockCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gardenlinux.glci.cluster.Applied.Outcome;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.model.credentials.SecretCipher;
import io.gardenlinux.glci.render.StepCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true, kubernetesClientBuilderCustomizer = PatientClient.class)
class CredentialsSecretTest {

    private static final String ACCESS_KEY = "AKIA-SECRET-ACCESS-KEY-ID";
    private static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI-very-secret";
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path cfg;

    private final RecordingReporter reporter = new RecordingReporter();
    private ClusterConnection connection;

    @BeforeEach
    void cluster() throws IOException {
        MockCluster.installTekton(server, client, TektonApi.V1);
        connection = MockCluster.connect(client, TektonApi.V1);
        Files.writeString(cfg.resolve("cfg_types.yaml"), """
                aws:
                  src:
                  - file: aws.yaml
                  model: { cfg_type_name: aws, type: AwsProfile }
                """);
        writeAws(SECRET_ACCESS_KEY);
    }

    private void writeAws(String secretAccessKey) throws IOException {
        Files.writeString(cfg.resolve("aws.yaml"), "gardenlinux:\n  region: eu-central-1\n  access_key_id: "
                + ACCESS_KEY + "\n  secret_access_key: " + secretAccessKey + "\n");
    }

    private Secret secret(String name) {
        return client.secrets().inNamespace(NAMESPACE).withName(name).get();
    }

    private static byte[] document(Secret secret) {
        return Base64.getDecoder().decode(secret.getData().get(CredentialsSecret.DOCUMENT_KEY));
    }

    @Test
    void holdsTheMergedDocumentAndIsUpdatedInPlace() throws IOException {
        CredentialsSecret secrets = new CredentialsSecret(connection, reporter);
        assertThat(secrets.apply(Credentials.readDirectory(cfg), SecretSettings.plain()))
                .containsExactly(new Applied("Secret", "secrets", Outcome.CREATED));
        Secret first = secret("secrets");
        assertThat(Credentials.readDocument(document(first), "secret").aws("gardenlinux").secretAccessKey().reveal())
                .isEqualTo(SECRET_ACCESS_KEY);

        assertThat(secrets.apply(Credentials.readDirectory(cfg), SecretSettings.plain()))
                .containsExactly(new Applied("Secret", "secrets", Outcome.UNCHANGED));
        writeAws("rotated-secret");
        assertThat(secrets.apply(Credentials.readDirectory(cfg), SecretSettings.plain()))
                .containsExactly(new Applied("Secret", "secrets", Outcome.UPDATED));

        Secret updated = secret("secrets");
        assertThat(updated.getMetadata().getUid()).as("updated, never deleted and recreated")
                .isEqualTo(first.getMetadata().getUid());
        assertThat(new String(document(updated), StandardCharsets.UTF_8)).contains("rotated-secret");
        assertThat(reporter.text()).doesNotContain(SECRET_ACCESS_KEY).doesNotContain("rotated-secret")
                .doesNotContain(ACCESS_KEY);
    }

    @Test
    void anEncryptedDocumentHoldsNoPlaintextAndItsKeyIsASecretOfItsOwn() {
        SecretSettings settings = SecretSettings.fromEnvironment(env(Map.of(
                "SECRET_CIPHER_ALGORITHM", "AES.GCM", "SECRET_KEY", KEY)));
        CredentialsSecret secrets = new CredentialsSecret(connection, reporter);

        assertThat(secrets.apply(Credentials.readDirectory(cfg), settings)).containsExactly(
                new Applied("Secret", "secrets-key", Outcome.CREATED), new Applied("Secret", "secrets", Outcome.CREATED));

        byte[] stored = document(secret("secrets"));
        String storedText = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(storedText).doesNotContain(SECRET_ACCESS_KEY).doesNotContain(ACCESS_KEY)
                .doesNotContain("gardenlinux").doesNotContain("cfg_types");
        Credentials back = Credentials.readDocument(stored, "secret", SecretCipher.AES_GCM, SecretCipher.decodeKey(KEY));
        assertThat(back.aws("gardenlinux").secretAccessKey().reveal()).isEqualTo(SECRET_ACCESS_KEY);
        Secret key = secret("secrets-key");
        assertThat(new String(Base64.getDecoder().decode(key.getData().get("key")), StandardCharsets.UTF_8))
                .isEqualTo(KEY);
        assertThat(settings.stepCredentials()).isEqualTo(StepCredentials.encryptedSecretVolume("AES.GCM"));

        assertThat(secrets.apply(Credentials.readDirectory(cfg), settings)).as("the same credentials: unchanged")
                .extracting(Applied::outcome).containsOnly(Outcome.UNCHANGED);
        assertThat(reporter.text()).doesNotContain(SECRET_ACCESS_KEY).doesNotContain(KEY);
    }

    @Test
    void noSecretInSecretsServerModeAndTheVariableUsedIsNamed() {
        for (String variable : List.of("SECRETS_SERVER_ENDPOINT", "SECRET_SERVER_ENDPOINT")) {
            SecretSettings settings = SecretSettings.fromEnvironment(env(Map.of(variable, "http://secrets.local")));
            assertThat(settings.secretsServer()).hasValue(new SecretSettings.SecretsServer(variable,
                    "http://secrets.local"));

            assertThat(new CredentialsSecret(connection, reporter).apply(Credentials.readDirectory(cfg), settings))
                    .isEmpty();
            assertThat(reporter.lines()).contains("INFO Secrets server mode (" + variable + " is set): no Secret"
                    + " 'secrets' is made; steps ask the secrets server");
        }
        assertThat(secret("secrets")).isNull();
        assertThat(SecretSettings.fromEnvironment(env(Map.of("SECRETS_SERVER_ENDPOINT", "a",
                "SECRET_SERVER_ENDPOINT", "b"))).secretsServer().orElseThrow().variable())
                .as("the original's spelling wins").isEqualTo("SECRETS_SERVER_ENDPOINT");
    }

    @Test
    void halfAnEncryptionSettingIsAnError() {
        assertThatThrownBy(() -> SecretSettings.fromEnvironment(env(Map.of("SECRET_KEY", KEY))))
                .hasMessage("set both SECRET_CIPHER_ALGORITHM and SECRET_KEY or neither; only SECRET_KEY is set");
        assertThatThrownBy(() -> SecretSettings.fromEnvironment(env(Map.of("SECRET_CIPHER_ALGORITHM", "AES.GCM",
                "SECRET_KEY", "c2hvcnQ="))))
                .hasMessage("SECRET_KEY is 5 bytes long; it must be a base64 AES key of 16, 24 or 32 bytes");
        assertThat(SecretSettings.fromEnvironment(env(Map.of())).encrypted()).isFalse();
        assertThat(SecretSettings.fromEnvironment(env(Map.of("SECRET_CIPHER_ALGORITHM", "PLAINTEXT"))))
                .as("the original README's setting").isEqualTo(SecretSettings.plain());
    }

    private static java.util.function.Function<String, Optional<String>> env(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
