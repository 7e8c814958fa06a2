package io.gardenlinux.glci.model.flavours;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import io.gardenlinux.glci.model.PythonStrings;
import io.gardenlinux.glci.model.features.FeatureGraph;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One build variant: an architecture, a platform and the normalised modifiers, with the names the original CI derives
 * from them. Create flavours with {@link #of}, which normalises and validates against the feature tree.
 *
 * @param architecture the CPU architecture
 * @param platform the platform feature
 * @param modifiers the normalised modifiers ({@link FeatureGraph#normalisedModifiers}), sorted by upper-cased name
 * @param canonicalFeatures the platform followed by the modifiers no other modifier includes
 *     ({@link FeatureGraph#canonicalisedFeatures}); they name the flavour in its release manifest key
 */
public record Flavour(Architecture architecture, String platform, List<String> modifiers,
        List<String> canonicalFeatures) {

    public Flavour {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(platform, "platform");
        modifiers = List.copyOf(modifiers);
        canonicalFeatures = List.copyOf(canonicalFeatures);
    }

    /**
     * The flavour of {@code architecture}, {@code platform} and {@code modifiers} (given in any order, normalised or
     * not). An unknown platform or modifier, or one used in the other's place, is an {@link InvalidInputException}.
     */
    public static Flavour of(FeatureGraph features, Architecture architecture, String platform,
            Collection<String> modifiers) {
        List<String> problems = features.problemsOfFlavour(platform, modifiers);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new Problem("flavour " + architecture + "/" + platform + " " + modifiers, "", p))
                    .toList());
        }
        List<String> normalised = features.normalisedModifiers(platform, modifiers);
        return new Flavour(architecture, platform, normalised, features.canonicalisedFeatures(platform, normalised));
    }

    /** The modifiers in plain ASCII order ({@code _} before the lower-case letters). */
    public List<String> modifiersInAsciiOrder() {
        return modifiers.stream().sorted().toList();
    }

    /** The {@code modifiers} task parameter: the modifiers in ASCII order, joined with {@code ,}. */
    public String modifiersParameter() {
        return String.join(",", modifiersInAsciiOrder());
    }

    /** The features passed to the image build: {@code <platform>,<modifiers parameter>}. */
    public String featuresParameter() {
        return modifiers.isEmpty() ? platform : platform + "," + modifiersParameter();
    }

    /**
     * {@code <platform>-<modifiers in ASCII order joined by _>}, e.g.
     * {@code aws-_nopkg__prod__readonly__slim_base_cloud_gardener_server}.
     */
    public String filenamePrefix() {
        return platform + "-" + String.join("_", modifiersInAsciiOrder());
    }

    /** {@code <architecture>/<filename prefix>}. */
    public String canonicalNamePrefix() {
        return architecture.wireValue() + "/" + filenamePrefix();
    }

    /** The canonical features joined with {@code -}, e.g. {@code aws-cloud-gardener-_prod}. */
    public String canonicalName() {
        return String.join("-", canonicalFeatures);
    }

    /**
     * The original's task name, before any limit: the canonical name prefix with {@code /} as {@code -}, every
     * {@code _} deleted, leading and trailing {@code -} stripped and {@code readonly} shortened to {@code ro}. See
     * {@link FlavourTaskNames} for the names glci uses.
     */
    public String originalTaskName() {
        String name = canonicalNamePrefix().replace('/', '-').replace("_", "");
        return PythonStrings.strip(name, "-").replace("readonly", "ro");
    }

    @Override
    public String toString() {
        return canonicalNamePrefix();
    }
}
