package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.yaml.YamlNode;

/** A {@code gpg_key} entry: the armoured private key that signs packages. */
public record GpgKey(String name, Secret privateKey) {

    public static final String TYPE = "gpg_key";

    static GpgKey read(String name, YamlNode a) {
        String key = a.string("private");
        return key == null ? null : new GpgKey(name, Secret.of(key));
    }
}
