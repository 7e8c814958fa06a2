package io.gardenlinux.glci.model.features;

import java.util.List;
import java.util.Objects;

/**
 * One feature of a Garden Linux tree: the folder {@code features/<name>/} with its {@code info.yaml}.
 *
 * @param name the name of the folder that holds {@code info.yaml}
 * @param type platform or modifier
 * @param declaredType the {@code type} as written in {@code info.yaml} (platform, element, flag or modifier)
 * @param description the description, or "no description available"
 * @param includes {@code features.include}: the features this one includes directly, in file order
 * @param source the {@code info.yaml} file (for messages)
 */
public record Feature(String name, FeatureType type, String declaredType, String description, List<String> includes,
        String source) {

    public static final String NO_DESCRIPTION = "no description available";

    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(declaredType, "declaredType");
        Objects.requireNonNull(description, "description");
        includes = List.copyOf(includes);
        Objects.requireNonNull(source, "source");
    }

    public boolean isPlatform() {
        return type == FeatureType.PLATFORM;
    }
}
