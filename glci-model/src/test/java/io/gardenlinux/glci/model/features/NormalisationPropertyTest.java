package io.gardenlinux.glci.model.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.model.Samples;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Properties of the original's normalisation, checked exhaustively: for every platform of the sample tree with every
 * subset of its 16 modifiers (9 x 65,536 inputs), and for shuffled orders of each subset. Exhaustive enumeration
 * needs no property-testing library and cannot miss a counter-example of this tree.
 */
class NormalisationPropertyTest {

    private final FeatureGraph features = Samples.features();
    private final List<String> modifiers = features.modifiers();

    /** Calls {@code check} with every platform and every subset of the modifiers, in the order of the tree. */
    private void forAll(BiConsumer<String, List<String>> check) {
        for (String platform : features.platforms()) {
            for (int mask = 0; mask < 1 << modifiers.size(); mask++) {
                List<String> subset = new ArrayList<>();
                for (int i = 0; i < modifiers.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        subset.add(modifiers.get(i));
                    }
                }
                check.accept(platform, subset);
            }
        }
    }

    @Test
    void normalisingTwiceChangesNothing() {
        forAll((platform, subset) -> {
            List<String> once = features.normalisedModifiers(platform, subset);
            assertThat(features.normalisedModifiers(platform, once)).isEqualTo(once);
        });
    }

    @Test
    void theOrderOfTheModifiersDoesNotMatter() {
        Random random = new Random(20210804);
        forAll((platform, subset) -> {
            List<String> shuffled = new ArrayList<>(subset);
            Collections.shuffle(shuffled, random);
            shuffled.addAll(subset.subList(0, subset.size() / 2)); // duplicates do not matter either
            assertThat(features.normalisedModifiers(platform, shuffled))
                    .isEqualTo(features.normalisedModifiers(platform, subset));
        });
    }

    @Test
    void theResultHoldsTheModifiersAndEveryTransitiveIncludeAndNotThePlatform() {
        forAll((platform, subset) -> {
            List<String> normalised = features.normalisedModifiers(platform, subset);
            Set<String> expected = new HashSet<>(features.includedFeatures(platform));
            for (String modifier : subset) {
                expected.add(modifier);
                expected.addAll(features.includedFeatures(modifier));
            }
            assertThat(normalised).doesNotHaveDuplicates().doesNotContain(platform);
            assertThat(new HashSet<>(normalised)).isEqualTo(expected);
            for (String feature : normalised) {
                assertThat(normalised).containsAll(features.includedFeatures(feature));
            }
        });
    }

    @Test
    void theResultIsSortedByUpperCasedName() {
        forAll((platform, subset) -> assertThat(features.normalisedModifiers(platform, subset))
                .isSortedAccordingTo(FeatureGraph.UPPER_CASE_ORDER));
    }

    @Test
    void theCanonicalFeaturesGiveTheFlavourBack() {
        forAll((platform, subset) -> {
            List<String> normalised = features.normalisedModifiers(platform, subset);
            List<String> canonical = features.canonicalisedFeatures(platform, normalised);
            assertThat(canonical.get(0)).isEqualTo(platform);
            assertThat(features.normalisedModifiers(platform, canonical.subList(1, canonical.size())))
                    .isEqualTo(normalised);
        });
    }
}
