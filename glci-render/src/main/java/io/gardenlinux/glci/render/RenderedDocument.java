package io.gardenlinux.glci.render;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.gardenlinux.glci.render.tekton.TektonWire;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * One rendered object in its wire form, with the file it is written to.
 *
 * @param fileName the file name in the output directory, e.g. {@code 10-task-build-baseimage.yaml}
 * @param kind the object's kind
 * @param name the object's name
 * @param content the object as an ordered map without empty fields
 */
public record RenderedDocument(String fileName, String kind, String name, Map<String, Object> content) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RenderedDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        content = java.util.Collections.unmodifiableMap(content);
    }

    /** The object as YAML; the same object always gives the same text. */
    public String yaml() {
        return TektonWire.toYaml(content);
    }

    /** The object as a fabric8 resource, ready for a Kubernetes client. */
    public GenericKubernetesResource toResource() {
        return toResource(content);
    }

    /** An object in wire form as a fabric8 resource. */
    static GenericKubernetesResource toResource(Map<String, Object> content) {
        return JSON.convertValue(content, GenericKubernetesResource.class);
    }
}
