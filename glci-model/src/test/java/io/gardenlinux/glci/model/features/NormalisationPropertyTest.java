package io.gardenlinux.glci.model.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.model.Samples;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the original's normalisation over every platform and any list of modifiers of the sample tree. */
class NormalisationPropertyTest {

    private final FeatureGraph features = Samples.features();

    @Provide
    Arbitrary<String> platforms() {
        return Arbitraries.of(features.platforms());
    }

    @Provide
    Arbitrary<List<String>> modifierLists() {
        return Arbitraries.of(features.modifiers()).list().ofMaxSize(8);
    }

    @Property
    void normalisingTwiceChangesNothing(@ForAll("platforms") String platform,
            @ForAll("modifierLists") List<String> modifiers) {
        List<String> once = features.normalisedModifiers(platform, modifiers);
        assertThat(features.normalisedModifiers(platform, once)).isEqualTo(once);
    }

    @Property
    void theOrderOfTheModifiersDoesNotMatter(@ForAll("platforms") String platform,
            @ForAll("modifierLists") List<String> modifiers, @ForAll long seed) {
        List<String> shuffled = new ArrayList<>(modifiers);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(features.normalisedModifiers(platform, shuffled))
                .isEqualTo(features.normalisedModifiers(platform, modifiers));
    }

    @Property
    void theResultHoldsTheModifiersAndEveryTransitiveIncludeAndNotThePlatform(@ForAll("platforms") String platform,
            @ForAll("modifierLists") List<String> modifiers) {
        List<String> normalised = features.normalisedModifiers(platform, modifiers);
        Set<String> expected = new HashSet<>(features.includedFeatures(platform));
        for (String modifier : modifiers) {
            expected.add(modifier);
            expected.addAll(features.includedFeatures(modifier));
        }
        assertThat(normalised).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected)
                .doesNotContain(platform);
        // closed under includes: normalisation of the result adds nothing
        for (String feature : normalised) {
            assertThat(normalised).containsAll(features.includedFeatures(feature));
        }
    }

    @Property
    void theResultIsSortedByUpperCasedName(@ForAll("platforms") String platform,
            @ForAll("modifierLists") List<String> modifiers) {
        assertThat(features.normalisedModifiers(platform, modifiers)).isSortedAccordingTo(FeatureGraph.UPPER_CASE_ORDER);
    }

    @Property
    void theCanonicalFeaturesNameTheFlavourUniquely(@ForAll("platforms") String platform,
            @ForAll("modifierLists") List<String> modifiers) {
        List<String> normalised = features.normalisedModifiers(platform, modifiers);
        List<String> canonical = features.canonicalisedFeatures(platform, normalised);
        // normalising the canonical features (without the platform) gives the flavour back
        assertThat(features.normalisedModifiers(platform, canonical.subList(1, canonical.size()))).isEqualTo(normalised);
    }
}
