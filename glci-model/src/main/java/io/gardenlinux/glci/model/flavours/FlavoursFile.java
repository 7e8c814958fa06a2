package io.gardenlinux.glci.model.flavours;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.yaml.Problems;
import io.gardenlinux.glci.model.yaml.YamlDocuments;
import io.gardenlinux.glci.model.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code flavours.yaml}: named flavour sets, each a list of combinations of architectures, platforms and modifier
 * lists. Reading validates the whole file against the feature tree and reports every problem at once.
 *
 * <pre>
 * flavour_sets:
 *   - name: all
 *     flavour_combinations:
 *       - architectures: [ amd64 ]
 *         platforms: [ aws, gcp ]
 *         modifiers: [ [ gardener, _prod ] ]
 * </pre>
 *
 * @param source the file, for messages
 * @param sets the flavour sets in the order of the file
 */
public record FlavoursFile(String source, List<FlavourSet> sets) {

    private static final Set<String> COMBINATION_KEYS = Set.of("architectures", "platforms", "modifiers");

    public FlavoursFile {
        Objects.requireNonNull(source, "source");
        sets = List.copyOf(sets);
    }

    /** Reads and validates {@code flavours.yaml} against {@code features}. */
    public static FlavoursFile read(Path file, FeatureGraph features) {
        return parse(YamlDocuments.read(file), file.toString(), features);
    }

    /** Reads and validates a flavours document given as bytes; {@code source} names it in errors. */
    public static FlavoursFile read(byte[] content, String source, FeatureGraph features) {
        return parse(YamlDocuments.read(content, source), source, features);
    }

    private static FlavoursFile parse(tools.jackson.databind.JsonNode json, String source, FeatureGraph features) {
        Problems problems = new Problems(source);
        YamlNode root = YamlNode.root(json, problems);
        List<FlavourSet> sets = new ArrayList<>();
        if (root.expectObject("flavours.yaml")) {
            Map<String, String> firstSeen = new HashMap<>();
            for (YamlNode set : root.list("flavour_sets", true)) {
                readSet(set, features, firstSeen).ifPresent(sets::add);
            }
        }
        problems.throwIfAny();
        return new FlavoursFile(source, sets);
    }

    private static Optional<FlavourSet> readSet(YamlNode set, FeatureGraph features, Map<String, String> firstSeen) {
        if (!set.expectObject("a flavour set")) {
            return Optional.empty();
        }
        String name = set.string("name");
        if (name != null) {
            String previous = firstSeen.putIfAbsent(name, set.location());
            if (previous != null) {
                set.problem("name", "duplicate flavour set name '" + name + "' (first defined at " + previous
                        + "); set names must be unique");
            }
        }
        String label = "set '" + (name == null ? "?" : name) + "'";
        List<FlavourCombination> combinations = new ArrayList<>();
        Set<Flavour> flavours = new LinkedHashSet<>();
        boolean valid = name != null;
        for (YamlNode combination : set.list("flavour_combinations", true)) {
            Optional<FlavourCombination> read = readCombination(combination, label, features);
            if (read.isPresent()) {
                combinations.add(read.get());
                flavours.addAll(expand(read.get(), features));
            } else {
                valid = false;
            }
        }
        return valid ? Optional.of(new FlavourSet(name, combinations, List.copyOf(flavours))) : Optional.empty();
    }

    private static Optional<FlavourCombination> readCombination(YamlNode combination, String set,
            FeatureGraph features) {
        if (!combination.expectObject("a flavour combination of " + set)) {
            return Optional.empty();
        }
        int before = combination.problems().list().size();
        String where = set + ": ";

        List<Architecture> architectures = new ArrayList<>();
        for (YamlNode entry : combination.list("architectures", true)) {
            String value = entry.asString();
            if (value != null) {
                Architecture.find(value).ifPresentOrElse(architectures::add,
                        () -> entry.problem(where + Architecture.invalid(value)));
            }
        }
        if (isEmptyList(combination.get("architectures"))) {
            combination.problem("architectures", where + "empty combination: no architecture; allowed: "
                    + Architecture.allowed());
        }

        List<String> platforms = new ArrayList<>();
        for (YamlNode entry : combination.list("platforms", true)) {
            String value = entry.asString();
            if (value != null) {
                features.problemOfPlatform(value).ifPresentOrElse(p -> entry.problem(where + p),
                        () -> platforms.add(value));
            }
        }
        if (isEmptyList(combination.get("platforms"))) {
            combination.problem("platforms", where + "empty combination: no platform; allowed platforms: "
                    + String.join(", ", features.platforms()));
        }

        List<List<String>> modifierLists = new ArrayList<>();
        for (YamlNode list : combination.list("modifiers", true)) {
            List<String> modifiers = new ArrayList<>();
            for (YamlNode entry : list.elements()) {
                String value = entry.asString();
                if (value != null) {
                    features.problemOfModifier(value).ifPresentOrElse(p -> entry.problem(where + p),
                            () -> modifiers.add(value));
                }
            }
            modifierLists.add(modifiers);
        }
        if (isEmptyList(combination.get("modifiers"))) {
            combination.problem("modifiers", where + "empty combination: no modifier list; write [ [] ] for a"
                    + " flavour without modifiers");
        }

        if (combination.problems().list().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new FlavourCombination(architectures, platforms, modifierLists,
                combination.unknownEntries(COMBINATION_KEYS)));
    }

    private static boolean isEmptyList(YamlNode node) {
        return node.json().isArray() && node.json().isEmpty();
    }

    /**
     * The cross product architecture x platform x modifier list, normalised, in that order. Repeated values are
     * taken once: they add no flavour, and so the work grows with the size of the file, not with its cube.
     */
    private static List<Flavour> expand(FlavourCombination combination, FeatureGraph features) {
        List<Flavour> result = new ArrayList<>();
        for (Architecture architecture : new LinkedHashSet<>(combination.architectures())) {
            for (String platform : new LinkedHashSet<>(combination.platforms())) {
                for (List<String> modifiers : new LinkedHashSet<>(combination.modifiers())) {
                    result.add(Flavour.of(features, architecture, platform, modifiers));
                }
            }
        }
        return result;
    }

    /** The names of the sets, in the order of the file. */
    public List<String> setNames() {
        return sets.stream().map(FlavourSet::name).toList();
    }

    /** The set of that name; an {@link InvalidInputException} naming the defined sets when there is none. */
    public FlavourSet flavourSet(String name) {
        return sets.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException(new Problem(source, "", "no flavour set named '" + name
                        + "'; defined sets: " + String.join(", ", setNames()))));
    }
}
