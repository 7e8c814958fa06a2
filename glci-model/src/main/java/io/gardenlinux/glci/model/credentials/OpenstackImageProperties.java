package io.gardenlinux.glci.model.credentials;

import io.gardenlinux.glci.model.yaml.YamlNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@code openstack_os_image} entry: the Glance image properties to set on published images. */
public record OpenstackImageProperties(String name, Map<String, Object> properties) {

    public static final String TYPE = "openstack_os_image";

    public OpenstackImageProperties {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    @SuppressWarnings("unchecked")
    static OpenstackImageProperties read(String name, YamlNode a) {
        YamlNode properties = a.get("properties");
        if (properties.isMissing()) {
            a.problem("missing key 'properties'");
            return null;
        }
        return properties.expectObject("properties")
                ? new OpenstackImageProperties(name, (Map<String, Object>) properties.toPlainValue())
                : null;
    }
}
