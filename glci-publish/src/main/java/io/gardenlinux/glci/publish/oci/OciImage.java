package io.gardenlinux.glci.publish.oci;

import io.gardenlinux.glci.model.flavours.Architecture;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON documents of a one-layer OCI image: the image config and the image manifest. They are written with a
 * fixed key order and no time of their own, so the same layer and release give the same digests every time.
 */
final class OciImage {

    static final String CONFIG_MEDIA_TYPE = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";
    /** The author the original wrote into image configs. */
    static final String AUTHOR = "Gardenlinux CI";
    /** The manifest annotation that names the rootfs the image was made from (see {@link RootfsSource#identity()}). */
    static final String SOURCE_ANNOTATION = "io.gardenlinux.glci.rootfs";
    static final String VERSION_ANNOTATION = "org.opencontainers.image.version";

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A content descriptor: media type, digest, size. */
    record Descriptor(String mediaType, String digest, long size) {
        ObjectNode toJson() {
            ObjectNode node = JSON.createObjectNode();
            node.put("mediaType", mediaType);
            node.put("digest", digest);
            node.put("size", size);
            return node;
        }
    }

    private OciImage() {
    }

    /** The OCI {@code platform} of an architecture (Linux). */
    static ObjectNode platform(Architecture architecture) {
        ObjectNode platform = JSON.createObjectNode();
        platform.put("architecture", architecture.wireValue());
        platform.put("os", "linux");
        if (architecture == Architecture.ARM64) {
            platform.put("variant", "v8");
        }
        return platform;
    }

    /**
     * The image config: the original's environment and command ({@code PATH}, {@code /bin/sh}), the author, the
     * architecture and the layer's diff id; {@code created} (RFC 3339) when known.
     */
    static byte[] config(Architecture architecture, String diffId, Optional<String> created, String createdBy) {
        ObjectNode config = JSON.createObjectNode();
        created.ifPresent(c -> config.put("created", c));
        config.put("author", AUTHOR);
        config.setAll(platform(architecture));
        ObjectNode runtime = config.putObject("config");
        runtime.putArray("Env").add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        runtime.putArray("Cmd").add("/bin/sh");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(diffId);
        ObjectNode history = config.putArray("history").addObject();
        created.ifPresent(c -> history.put("created", c));
        history.put("created_by", createdBy);
        return JSON.writeValueAsBytes(config);
    }

    /** The image manifest of one config and one layer, with annotations in the given order. */
    static byte[] manifest(Descriptor config, Descriptor layer, Map<String, String> annotations) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", RepositoryClient.OCI_MANIFEST);
        manifest.set("config", config.toJson());
        ArrayNode layers = manifest.putArray("layers");
        layers.add(layer.toJson());
        ObjectNode notes = manifest.putObject("annotations");
        annotations.forEach(notes::put);
        return JSON.writeValueAsBytes(manifest);
    }
}
