package io.gardenlinux.glci.model.features;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import io.gardenlinux.glci.model.yaml.Problems;
import io.gardenlinux.glci.model.yaml.YamlDocuments;
import io.gardenlinux.glci.model.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The features of a Garden Linux tree and their includes, with the original CI's rules for resolving includes and
 * normalising a flavour's modifiers. A graph is only ever built when every include names a known feature and there
 * is no include cycle, so resolution always terminates.
 */
public final class FeatureGraph {

    /**
     * The original sorts feature names by their upper-cased form, so names starting with {@code _} (0x5F) come after
     * the letters. Ties (names equal but for case) fall back to plain order to keep the order total.
     */
    public static final Comparator<String> UPPER_CASE_ORDER =
            Comparator.<String, String>comparing(s -> s.toUpperCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder());

    private final Map<String, Feature> features;
    private final Map<String, List<String>> included = new HashMap<>();

    private FeatureGraph(Map<String, Feature> features) {
        this.features = features;
        for (String name : features.keySet()) {
            included.put(name, resolve(name));
        }
    }

    /**
     * Loads every {@code info.yaml} below {@code featuresDir} (recursively); a feature's name is the name of the folder
     * that holds its file. All problems of all files are reported together.
     */
    public static FeatureGraph load(Path featuresDir) {
        if (!Files.isDirectory(featuresDir)) {
            throw new GlciException(featuresDir + ": not a directory; expected the features/ folder of a Garden Linux"
                    + " checkout, with one features/<name>/info.yaml per feature");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(featuresDir)) {
            files = walk.filter(p -> p.getFileName().toString().equals("info.yaml") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new GlciException(featuresDir + ": cannot list features: " + e.getMessage(), e);
        }
        Problems problems = new Problems(featuresDir.toString());
        List<Feature> loaded = new ArrayList<>();
        for (Path file : files) {
            readFeature(file, problems).ifPresent(loaded::add);
        }
        problems.throwIfAny();
        return of(loaded);
    }

    private static Optional<Feature> readFeature(Path file, Problems all) {
        String source = file.toString();
        Problems problems = new Problems(source);
        YamlNode root;
        try {
            root = YamlNode.root(YamlDocuments.read(file), problems);
        } catch (InvalidInputException e) {
            all.addAll(e.problems());
            return Optional.empty();
        }
        if (!root.expectObject("info.yaml")) {
            all.addAll(problems.list());
            return Optional.empty();
        }
        String name = file.getParent().getFileName().toString();
        String declared = root.string("type");
        FeatureType type = null;
        if (declared != null) {
            type = FeatureType.fromDeclared(declared).orElse(null);
            if (type == null) {
                root.problem("type", "unknown feature type '" + declared + "'; allowed: " + FeatureType.DECLARED_TYPES);
            }
        }
        String description = root.optionalString("description").orElse(Feature.NO_DESCRIPTION);
        List<String> includes = List.of();
        YamlNode featuresEntry = root.get("features");
        if (!featuresEntry.isMissing() && featuresEntry.expectObject("features")) {
            includes = featuresEntry.stringList("include", false);
        }
        all.addAll(problems.list());
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Feature(name, type, declared, description, includes, source));
    }

    /**
     * Builds a graph from features; every include must name one of them and there must be no include cycle.
     */
    public static FeatureGraph of(Collection<Feature> features) {
        Map<String, Feature> byName = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Feature feature : features) {
            Feature previous = byName.putIfAbsent(feature.name(), feature);
            if (previous != null) {
                problems.add(new Problem(feature.source(), "", "feature '" + feature.name() + "' is defined twice"
                        + " (also in " + previous.source() + "); feature names are folder names and must be unique"));
            }
        }
        for (Feature feature : byName.values()) {
            for (String include : feature.includes()) {
                if (!byName.containsKey(include)) {
                    problems.add(new Problem(feature.source(), "features.include", "names unknown feature '"
                            + include + "'; known features: " + String.join(", ", byName.keySet())));
                }
            }
        }
        if (problems.isEmpty()) {
            findCycles(byName, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new FeatureGraph(byName);
    }

    /** Reports each include cycle once, as {@code a -> b -> a}, at the file of its first feature in name order. */
    private static void findCycles(Map<String, Feature> byName, List<Problem> problems) {
        Set<String> done = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (String start : byName.keySet()) {
            walkForCycles(start, byName, new ArrayList<>(), done, reported, problems);
        }
    }

    private static void walkForCycles(String name, Map<String, Feature> byName, List<String> path, Set<String> done,
            Set<String> reported, List<Problem> problems) {
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            // rotate so that the cycle starts at its smallest name: the same cycle is reported once
            int min = cycle.indexOf(cycle.stream().min(Comparator.naturalOrder()).orElseThrow());
            List<String> rotated = new ArrayList<>(cycle.subList(min, cycle.size()));
            rotated.addAll(cycle.subList(0, min));
            if (reported.add(String.join(" ", rotated))) {
                rotated.add(rotated.get(0));
                problems.add(new Problem(byName.get(rotated.get(0)).source(), "",
                        "include cycle: " + String.join(" -> ", rotated)));
            }
            return;
        }
        if (done.contains(name)) {
            return;
        }
        path.add(name);
        for (String include : byName.get(name).includes()) {
            walkForCycles(include, byName, path, done, reported, problems);
        }
        path.remove(path.size() - 1);
        done.add(name);
    }

    /** The original's post-order walk: for each direct include in file order, its own includes first, then itself. */
    private List<String> resolve(String name) {
        Set<String> result = new LinkedHashSet<>();
        for (String include : features.get(name).includes()) {
            List<String> transitive = included.containsKey(include) ? included.get(include) : resolve(include);
            result.addAll(transitive);
            result.add(include);
        }
        return List.copyOf(result);
    }

    /** All features, by name. */
    public Collection<Feature> features() {
        return features.values();
    }

    public Optional<Feature> find(String name) {
        return Optional.ofNullable(features.get(name));
    }

    /** The feature of that name; an {@link IllegalArgumentException} naming the known features when there is none. */
    public Feature feature(String name) {
        Feature feature = features.get(name);
        if (feature == null) {
            throw new IllegalArgumentException("unknown feature '" + name + "'; known features: "
                    + String.join(", ", features.keySet()));
        }
        return feature;
    }

    /** The names of all platforms, sorted. */
    public List<String> platforms() {
        return features.values().stream().filter(Feature::isPlatform).map(Feature::name).toList();
    }

    /** The names of all modifiers (element, flag and modifier features), sorted. */
    public List<String> modifiers() {
        return features.values().stream().filter(f -> !f.isPlatform()).map(Feature::name).toList();
    }

    /**
     * The features {@code name} includes, transitively, in the original's order (post-order depth first, each once).
     */
    public List<String> includedFeatures(String name) {
        feature(name);
        return included.get(name);
    }

    /**
     * The original's {@code normalised_modifiers}: the modifiers, everything they include and everything the
     * platform includes (not the platform itself), sorted by upper-cased name.
     */
    public List<String> normalisedModifiers(String platform, Collection<String> modifiers) {
        Set<String> result = new HashSet<>(includedFeatures(platform));
        for (String modifier : modifiers) {
            result.add(feature(modifier).name());
            result.addAll(included.get(modifier));
        }
        return result.stream().sorted(UPPER_CASE_ORDER).toList();
    }

    /**
     * The features that name a flavour in its release manifest key: the platform, then those of the normalised
     * modifiers that no other of them includes, sorted by upper-cased name. As in the original, what only the
     * platform includes is <em>not</em> removed (its subtraction was a no-op), so aws keeps {@code cloud}.
     *
     * @param normalisedModifiers the result of {@link #normalisedModifiers}
     */
    public List<String> canonicalisedFeatures(String platform, Collection<String> normalisedModifiers) {
        feature(platform);
        Set<String> remaining = new HashSet<>(normalisedModifiers);
        for (String modifier : normalisedModifiers) {
            included.get(feature(modifier).name()).forEach(remaining::remove);
        }
        List<String> result = new ArrayList<>();
        result.add(platform);
        remaining.stream().sorted(UPPER_CASE_ORDER).forEach(result::add);
        return List.copyOf(result);
    }

    /**
     * What is wrong with using {@code platform} and {@code modifiers} together in a flavour: an unknown name, a
     * modifier used as the platform or a platform used as a modifier. Empty when they fit.
     */
    public List<String> problemsOfFlavour(String platform, Collection<String> modifiers) {
        List<String> problems = new ArrayList<>();
        problemOfPlatform(platform).ifPresent(problems::add);
        for (String modifier : modifiers) {
            problemOfModifier(modifier).ifPresent(problems::add);
        }
        return problems;
    }

    public Optional<String> problemOfPlatform(String platform) {
        Feature feature = features.get(platform);
        if (feature == null) {
            return Optional.of("unknown platform '" + platform + "'; allowed platforms: " + join(platforms()));
        }
        if (!feature.isPlatform()) {
            String type = feature.declaredType();
            String article = "aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ";
            return Optional.of("'" + platform + "' is " + article + type + ", not a platform; allowed platforms: "
                    + join(platforms()));
        }
        return Optional.empty();
    }

    public Optional<String> problemOfModifier(String modifier) {
        Feature feature = features.get(modifier);
        if (feature == null) {
            return Optional.of("unknown modifier '" + modifier + "'; allowed modifiers: " + join(modifiers()));
        }
        if (feature.isPlatform()) {
            return Optional.of("'" + modifier + "' is a platform, not a modifier; allowed modifiers: " + join(modifiers()));
        }
        return Optional.empty();
    }

    private static String join(List<String> names) {
        return names.stream().collect(Collectors.joining(", "));
    }
}
