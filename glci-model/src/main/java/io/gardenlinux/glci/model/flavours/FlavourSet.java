package io.gardenlinux.glci.model.flavours;

import java.util.List;
import java.util.Objects;

/**
 * A named flavour set of {@code flavours.yaml}.
 *
 * @param name the set's name, chosen with {@code glci.flavourSet} / {@code FLAVOUR_SET}
 * @param combinations its combinations as declared
 * @param flavours the cross product of every combination, normalised, each flavour once, in the order of declaration
 */
public record FlavourSet(String name, List<FlavourCombination> combinations, List<Flavour> flavours) {

    public FlavourSet {
        Objects.requireNonNull(name, "name");
        combinations = List.copyOf(combinations);
        flavours = List.copyOf(flavours);
    }
}
