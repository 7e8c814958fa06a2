package io.gardenlinux.glci.model.flavours;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a flavour set's {@code flavour_combinations}: every architecture with every platform with every
 * modifier list.
 *
 * @param architectures the architectures
 * @param platforms the platform names
 * @param modifiers the modifier lists, one variant per list
 * @param otherKeys keys glci does not use (such as {@code fails}), kept as read, in order; values may be null
 */
public record FlavourCombination(List<Architecture> architectures, List<String> platforms,
        List<List<String>> modifiers, Map<String, Object> otherKeys) {

    public FlavourCombination {
        architectures = List.copyOf(architectures);
        platforms = List.copyOf(platforms);
        modifiers = modifiers.stream().map(List::copyOf).toList();
        otherKeys = Collections.unmodifiableMap(new LinkedHashMap<>(otherKeys));
    }
}
