package io.gardenlinux.glci.model.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Samples;
import io.gardenlinux.glci.model.yaml.YamlDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CredentialsTest {

    private static final byte[] KEY = Base64.getDecoder().decode("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    private final Credentials sample = Credentials.readDirectory(Samples.CFG);

    @Test
    void everyTypeOfTheSampleIsReadTyped() {
        assertThat(sample.types()).containsExactly("aws", "container_registry", "github", "email", "gcp", "alicloud",
                "azure_service_principal", "azure_storage_account", "ccee", "openstack_os_image", "gpg_key");
        assertThat(sample.aws("gardenlinux").region()).isEqualTo("eu-central-1");
        assertThat(sample.containerRegistry("gardenlinux").privileges()).isEqualTo("readwrite");
        assertThat(sample.github("github_com").host()).isEqualTo("github.com");
        assertThat(sample.github("github_com").technicalUser().username()).isEqualTo("<USERNAME>");
        EmailCredentials email = sample.email("gardenlinux");
        assertThat(email.port()).isEqualTo(465);
        assertThat(email.useTls()).isTrue();
        assertThat(email.blacklist()).containsExactly(".*@noreply\\.example\\.org");
        assertThat(sample.gcp("gardenlinux").project()).isEqualTo("<PROJECT_ID>");
        assertThat(sample.gcp("gardenlinux").serviceAccountKey().reveal()).contains("\"type\":\"service_account\"");
        assertThat(sample.alicloud("gardenlinux").accessKeyId()).isEqualTo("<ACCESS_KEY_ID>");
        assertThat(sample.azureServicePrincipal("gardenlinux").tenantId()).isEqualTo("<TENANT_ID>");
        assertThat(sample.azureStorageAccount("gardenlinux").containerName()).isEqualTo("<CONTAINER_NAME>");
        assertThat(sample.ccee("gardenlinux").projects()).singleElement()
                .satisfies(p -> assertThat(p.authUrl()).isEqualTo("https://identity.example.org/v3"));
        assertThat(sample.openstackImageProperties("gardenlinux").properties()).containsEntry("hypervisor_type", "vmware");
        assertThat(sample.gpgKey("gardenlinux").privateKey().reveal()).isEqualTo("<ARMOURED_PRIVATE_KEY>");
    }

    @Test
    void secretsNeverShowInToString() {
        assertThat(sample.aws("gardenlinux").toString()).doesNotContain("<SECRET_ACCESS_KEY>").contains("****");
        assertThat(sample.github("github_com").toString()).doesNotContain("<PASSWORD>", "<AUTH_TOKEN>", "<PRIVATE_KEY>");
        assertThat(sample.email("gardenlinux").toString()).doesNotContain("<PASSWORD>");
        assertThat(sample.toString()).doesNotContain("<SECRET_ACCESS_KEY>");
    }

    @Test
    void theMergedDocumentHoldsCfgTypesVerbatimAndEveryType() {
        JsonNode document = YamlDocuments.readJson(sample.toDocument(), "config.json");

        assertThat(document.propertyNames()).first().isEqualTo("cfg_types");
        assertThat(document.get("cfg_types").get("aws").get("src").get(0).get("file").stringValue()).isEqualTo("aws.yaml");
        assertThat(document.get("aws").get("gardenlinux").get("access_key_id").stringValue()).isEqualTo("<ACCESS_KEY_ID>");
        Credentials again = Credentials.readDocument(sample.toDocument(), "config.json");
        assertThat(again.toDocument()).isEqualTo(sample.toDocument());
        assertThat(again.aws("gardenlinux")).isEqualTo(sample.aws("gardenlinux"));
    }

    @Test
    void laterSourceFilesOverrideEarlierEntries(@TempDir Path dir) {
        Samples.write(dir, "cfg_types.yaml", "aws:\n  src:\n    - file: a.yaml\n    - file: b.yaml\n");
        Samples.write(dir, "a.yaml", "one: {region: r1, access_key_id: a1, secret_access_key: s1}\n"
                + "two: {region: r2, access_key_id: a2, secret_access_key: s2}\n");
        Samples.write(dir, "b.yaml", "two: {region: r3, access_key_id: a3, secret_access_key: s3}\n");

        Credentials credentials = Credentials.readDirectory(dir);

        assertThat(credentials.names("aws")).containsExactly("one", "two");
        assertThat(credentials.aws("two").region()).isEqualTo("r3");
    }

    @Test
    void aMissingCredentialNamesWhatIsDefined() {
        assertThatThrownBy(() -> sample.aws("prod"))
                .isInstanceOf(MissingCredentialException.class)
                .hasMessage("no 'aws' credential named 'prod'; defined: gardenlinux");
        assertThatThrownBy(() -> Credentials.readDocument("{}".getBytes(StandardCharsets.UTF_8), "c").aws("x"))
                .hasMessage("no credentials of type 'aws' are configured; declare the type in cfg_types.yaml with a"
                        + " src file holding an entry named 'x'");
    }

    @Test
    void anIncompleteCredentialNamesFileEntryAndKeyButNoSecret(@TempDir Path dir) {
        Samples.write(dir, "cfg_types.yaml", "azure_service_principal:\n  src:\n    - file: sp.yaml\n");
        Path file = Samples.write(dir, "sp.yaml", "sp: {tenant_id: t, client_secret: very-secret}\n");

        assertThatThrownBy(() -> Credentials.readDirectory(dir).azureServicePrincipal("sp"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": azure_service_principal 'sp': missing key 'client_id'")
                .message().doesNotContain("very-secret");
    }

    @Test
    void aMissingSourceFileIsReported(@TempDir Path dir) {
        Samples.write(dir, "cfg_types.yaml", "aws:\n  src:\n    - file: nowhere.yaml\n");

        assertThatThrownBy(() -> Credentials.readDirectory(dir))
                .hasMessage(dir.resolve("nowhere.yaml") + ": file not found");
    }

    @Test
    void registryCredentialsMatchTheLongestPrefix(@TempDir Path dir) {
        Samples.write(dir, "cfg_types.yaml", "container_registry:\n  src:\n    - file: r.yaml\n");
        Samples.write(dir, "r.yaml", """
                wide: {image_reference_prefixes: [registry.example.org], username: u1, password: p1}
                narrow: {image_reference_prefixes: [registry.example.org/gardenlinux], username: u2, password: p2}
                """);
        Credentials credentials = Credentials.readDirectory(dir);

        assertThat(credentials.containerRegistryFor("registry.example.org/gardenlinux/x:1")).get()
                .extracting(ContainerRegistryCredentials::name).isEqualTo("narrow");
        assertThat(credentials.containerRegistryFor("registry.example.org/other:1")).get()
                .extracting(ContainerRegistryCredentials::name).isEqualTo("wide");
        assertThat(credentials.containerRegistryFor("docker.io/library/debian")).isEmpty();
    }

    @Test
    void plaintextAndGcmRoundTrip() {
        byte[] document = sample.toDocument();

        for (SecretCipher cipher : List.of(SecretCipher.PLAINTEXT, SecretCipher.AES_GCM)) {
            byte[] stored = cipher.encrypt(document, KEY);
            assertThat(Credentials.readDocument(stored, "config.json", cipher, KEY).toDocument()).isEqualTo(document);
        }
        byte[] sealed = SecretCipher.AES_GCM.encrypt(document, KEY);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("<SECRET_ACCESS_KEY>");
        assertThat(SecretCipher.AES_GCM.encrypt(document, KEY)).isNotEqualTo(sealed);
    }

    @Test
    void theOriginalsAesEcbIsRead() throws Exception {
        Cipher ecb = Cipher.getInstance("AES/ECB/PKCS5Padding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"));
        byte[] stored = ecb.doFinal(sample.toDocument());

        Credentials read = Credentials.readDocument(stored, "config.json", SecretCipher.fromAlgorithmName("AES.ECB"), KEY);

        assertThat(read.aws("gardenlinux")).isEqualTo(sample.aws("gardenlinux"));
    }

    @Test
    void aWrongKeyGivesTheOriginalsMessage() {
        byte[] otherKey = Base64.getDecoder().decode("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
        byte[] sealed = SecretCipher.AES_GCM.encrypt(sample.toDocument(), KEY);

        assertThatThrownBy(() -> SecretCipher.AES_GCM.decrypt(sealed, otherKey))
                .isInstanceOf(GlciException.class)
                .hasMessage("Unable to decrypt secret. Key doesn't fit cipher text.");
    }

    @Test
    void ecbIsNeverWrittenAndKeysAreChecked() {
        assertThatThrownBy(() -> SecretCipher.AES_ECB.encrypt(new byte[1], KEY))
                .hasMessage("glci reads AES.ECB but does not write it; set SECRET_CIPHER_ALGORITHM=AES.GCM to store the"
                        + " credentials encrypted");
        assertThatThrownBy(() -> SecretCipher.decodeKey("c2hvcnQ="))
                .hasMessage("SECRET_KEY is 5 bytes long; it must be a base64 AES key of 16, 24 or 32 bytes");
        assertThatThrownBy(() -> SecretCipher.fromAlgorithmName("ROT13"))
                .hasMessage("SECRET_CIPHER_ALGORITHM 'ROT13' is not supported; allowed: PLAINTEXT, AES.ECB, AES.GCM");
        assertThat(SecretCipher.decodeKey(Base64.getEncoder().encodeToString(KEY))).isEqualTo(KEY);
    }

    @Test
    void attributesAreReadOnly() {
        Map<String, Object> attributes = sample.attributes("aws", "gardenlinux");
        assertThatThrownBy(() -> attributes.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    // the next four were found by CredentialsFuzzTest

    @Test
    void declaredTypesThatAreNoMappingAreReported() {
        for (String value : List.of("1", "null", "[ \"aws\" ]")) {
            byte[] document = ("{\"cfg_types\": " + value + "}").getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> Credentials.readDocument(document, "config.json"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("config.json: cfg_types: the declared credential types (cfg_types.yaml)"
                            + " must be a mapping, not ");
        }
    }

    @Test
    void aSourceFileNameWithANulCharacterIsReported(@TempDir Path dir) {
        Samples.write(dir, "cfg_types.yaml", "aws:\n  src: [ { file: \"a\\0b\" } ]\n");

        assertThatThrownBy(() -> Credentials.readDirectory(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("cfg_types.yaml") + ": aws.src[0].file: 'a\0b' is not a file name:"
                        + " Nul character not allowed");
    }

    @Test
    void aSourceFileThatIsAFolderIsReported(@TempDir Path dir) {
        Samples.write(dir, "cfg_types.yaml", "aws:\n  src: [ { file: '' }, { file: . } ]\n");

        assertThatThrownBy(() -> Credentials.readDirectory(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("2 problems:" + System.lineSeparator()
                        + "  - " + dir.resolve("cfg_types.yaml") + ": aws.src[0].file: '' names the folder " + dir
                        + "; expected a YAML file of entries" + System.lineSeparator()
                        + "  - " + dir.resolve("cfg_types.yaml") + ": aws.src[1].file: '.' names the folder "
                        + dir.resolve(".") + "; expected a YAML file of entries");
    }

    @Test
    void aGithubUrlWithoutAHostIsReported() {
        for (String url : List.of("https://github.com:x:y", "a b", "github.com")) {
            byte[] document = ("{\"github\": {\"gh\": {\"httpUrl\": \"" + url + "\", \"apiUrl\": \"https://a\"}}}")
                    .getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> Credentials.readDocument(document, "config.json").github("gh"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("config.json: github 'gh'.httpUrl: '" + url + "' is not a URL with a host; expected"
                            + " e.g. https://github.com");
        }
    }
}
