package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.yaml.YamlNode;

/** An {@code alicloud} credential: an access key and its region. */
public record AlicloudCredentials(String name, String region, String accessKeyId, Secret accessKeySecret) {

    public static final String TYPE = "alicloud";

    static AlicloudCredentials read(String name, YamlNode a) {
        String region = a.string("region");
        String keyId = a.string("access_key_id");
        String secret = a.string("access_key_secret");
        return YamlNode.allPresent(region, keyId, secret)
                ? new AlicloudCredentials(name, region, keyId, Secret.of(secret))
                : null;
    }
}
