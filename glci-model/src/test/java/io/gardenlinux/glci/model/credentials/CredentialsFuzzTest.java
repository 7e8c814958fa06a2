package io.gardenlinux.glci.model.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gardenlinux.glci.model.Samples;
import io.gardenlinux.glci.model.fuzz.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merged credentials document and a credentials folder whose {@code cfg_types.yaml} is fuzzed: each is read, and
 * every entry of a known type read typed, or it is one {@link io.gardenlinux.glci.model.InvalidInputException}.
 */
class CredentialsFuzzTest {

    @TempDir
    Path dir;

    private Path types;

    @BeforeEach
    void writeFolder() {
        Samples.write(dir, "aws.yaml", "gardenlinux:\n  region: eu-central-1\n  access_key_id: AKIA\n"
                + "  secret_access_key: s3cr3t\n");
        Samples.write(dir, "email.yaml", "gardenlinux:\n  host: smtp.example.org\n  port: 465\n  use_tls: true\n"
                + "  credentials: { username: glci, password: s3cr3t }\n  sender_name: glci\n");
        types = Samples.write(dir, Credentials.CFG_TYPES_FILE, "aws:\n  src: [ { file: aws.yaml } ]\n");
    }

    @FuzzTest(maxDuration = "3m")
    void readsDocument(byte[] input) {
        BadInput.readOrReject("config.json", () -> {
            Credentials credentials = Credentials.readDocument(input, "config.json");
            readTyped(credentials);
            assertThat(Credentials.readDocument(credentials.toDocument(), "config.json").toDocument())
                    .isEqualTo(credentials.toDocument());
        });
    }

    @FuzzTest(maxDuration = "3m")
    void readsDirectory(byte[] input) throws IOException {
        Files.write(types, input);
        // a src file may be named by an absolute path, and so be anywhere: its problems name it
        BadInput.readOrReject("/", () -> readTyped(Credentials.readDirectory(dir)));
    }

    private static void readTyped(Credentials credentials) {
        for (String type : credentials.types()) {
            for (String name : credentials.names(type)) {
                switch (type) {
                    case AwsCredentials.TYPE -> credentials.aws(name);
                    case ContainerRegistryCredentials.TYPE -> credentials.containerRegistry(name);
                    case GithubCredentials.TYPE -> credentials.github(name).host();
                    case EmailCredentials.TYPE -> credentials.email(name);
                    case GcpCredentials.TYPE -> credentials.gcp(name);
                    case AlicloudCredentials.TYPE -> credentials.alicloud(name);
                    case AzureServicePrincipal.TYPE -> credentials.azureServicePrincipal(name);
                    case AzureStorageAccount.TYPE -> credentials.azureStorageAccount(name);
                    case CceeCredentials.TYPE -> credentials.ccee(name);
                    case OpenstackImageProperties.TYPE -> credentials.openstackImageProperties(name);
                    case GpgKey.TYPE -> credentials.gpgKey(name);
                    default -> credentials.attributes(type, name);
                }
            }
        }
    }
}
