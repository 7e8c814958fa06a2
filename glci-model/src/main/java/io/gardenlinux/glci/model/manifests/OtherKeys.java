package io.gardenlinux.glci.model.manifests;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keys of a document that glci does not know: kept in their order, values may be null. */
final class OtherKeys {

    private OtherKeys() {
    }

    static Map<String, Object> copyOf(Map<String, Object> keys) {
        return keys == null || keys.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }
}
