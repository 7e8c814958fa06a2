package io.gardenlinux.glci.model.features;

import java.util.Locale;
import java.util.Optional;

/**
 * What a feature is for glci. {@code info.yaml} declares one of {@code platform}, {@code element}, {@code flag} or
 * {@code modifier}; all but {@code platform} are modifiers.
 */
public enum FeatureType {
    PLATFORM,
    MODIFIER;

    /** The declared types of {@code info.yaml}, as written there. */
    public static final String DECLARED_TYPES = "platform, element, flag, modifier";

    /** Maps a declared {@code type} of {@code info.yaml} to a feature type; empty when it is none of them. */
    public static Optional<FeatureType> fromDeclared(String declared) {
        return switch (declared.toLowerCase(Locale.ROOT)) {
            case "platform" -> Optional.of(PLATFORM);
            case "element", "flag", "modifier" -> Optional.of(MODIFIER);
            default -> Optional.empty();
        };
    }
}
