package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.yaml.YamlNode;

/** An {@code aws} credential: an access key and its default region. */
public record AwsCredentials(String name, String region, String accessKeyId, Secret secretAccessKey) {

    public static final String TYPE = "aws";

    static AwsCredentials read(String name, YamlNode a) {
        String region = a.string("region");
        String keyId = a.string("access_key_id");
        String secret = a.string("secret_access_key");
        return YamlNode.allPresent(region, keyId, secret) ? new AwsCredentials(name, region, keyId, Secret.of(secret))
                : null;
    }
}
