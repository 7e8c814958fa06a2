package io.gardenlinux.glci.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureGraphTest {

    private final FeatureGraph features = Samples.features();

    @Test
    void namesComeFromFoldersAndTypesMapToPlatformOrModifier() {
        assertThat(features.platforms())
                .containsExactly("ali", "aws", "azure", "gcp", "kvm", "metal", "oci", "openstack", "vmware");
        assertThat(features.modifiers()).containsExactly("_build", "_dev", "_ignite", "_nopkg", "_prod", "_pxe",
                "_readonly", "_slim", "base", "chost", "cloud", "example", "gardener", "khost", "server", "vhost");
        assertThat(features.feature("_prod").declaredType()).isEqualTo("flag");
        assertThat(features.feature("gardener").declaredType()).isEqualTo("element");
        assertThat(features.feature("gardener").type()).isEqualTo(FeatureType.MODIFIER);
    }

    @Test
    void otherKeysOfInfoYamlAreIgnored() {
        // example has features.exclude, cloud has disk: neither is an include
        assertThat(features.feature("example").includes()).containsExactly("_slim");
        assertThat(features.feature("cloud").includes()).containsExactly("server");
    }

    @Test
    void includesResolveDepthFirstInTheOriginalsOrder() {
        // for each direct include in file order: its own includes first, then itself
        assertThat(features.includedFeatures("_prod")).containsExactly("_nopkg", "_slim", "base", "server", "_readonly");
        assertThat(features.includedFeatures("aws")).containsExactly("_slim", "base", "server", "cloud");
        assertThat(features.includedFeatures("khost")).containsExactly("_slim", "base", "server", "chost");
        assertThat(features.includedFeatures("_pxe")).containsExactly("_ignite");
        assertThat(features.includedFeatures("_slim")).isEmpty();
    }

    @Test
    void normalisationAddsTheTransitiveIncludesOfModifiersAndPlatformAndSortsByUpperCase() {
        assertThat(features.normalisedModifiers("aws", java.util.List.of("gardener", "_prod")))
                .containsExactly("base", "cloud", "gardener", "server", "_nopkg", "_prod", "_readonly", "_slim");
    }

    @Test
    void canonicalisationKeepsWhatOnlyThePlatformIncludesLikeTheOriginal() {
        // the original meant to remove the platform's includes, but that subtraction was a no-op:
        // normalised input keeps 'cloud' for aws, raw input does not have it in the first place
        var normalised = features.normalisedModifiers("aws", java.util.List.of("gardener", "_prod"));
        assertThat(features.canonicalisedFeatures("aws", normalised)).containsExactly("aws", "cloud", "gardener", "_prod");
        assertThat(features.canonicalisedFeatures("aws", java.util.List.of("gardener", "_prod")))
                .containsExactly("aws", "gardener", "_prod");
    }

    @Test
    void anIncludeCycleIsAnErrorThatPrintsTheCycle(@TempDir Path dir) {
        Samples.write(dir, "features/a/info.yaml", "type: element\nfeatures:\n  include: [ b ]\n");
        Samples.write(dir, "features/b/info.yaml", "type: element\nfeatures:\n  include: [ c ]\n");
        Samples.write(dir, "features/c/info.yaml", "type: flag\nfeatures:\n  include: [ a ]\n");
        Samples.write(dir, "features/d/info.yaml", "type: platform\nfeatures:\n  include: [ a ]\n");

        assertThatThrownBy(() -> FeatureGraph.load(dir.resolve("features")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("features/a/info.yaml") + ": include cycle: a -> b -> c -> a");
    }

    @Test
    void aSelfIncludeIsACycle(@TempDir Path dir) {
        Samples.write(dir, "features/loop/info.yaml", "type: element\nfeatures:\n  include: [ loop ]\n");

        assertThatThrownBy(() -> FeatureGraph.load(dir.resolve("features")))
                .hasMessage(dir.resolve("features/loop/info.yaml") + ": include cycle: loop -> loop");
    }

    @Test
    void anIncludeOfAnUnknownFeatureNamesTheFileThatHasIt(@TempDir Path dir) {
        Samples.write(dir, "features/base/info.yaml", "type: element\n");
        Samples.write(dir, "features/server/info.yaml", "type: element\nfeatures:\n  include: [ base, bsae ]\n");

        assertThatThrownBy(() -> FeatureGraph.load(dir.resolve("features")))
                .hasMessage(dir.resolve("features/server/info.yaml")
                        + ": features.include: names unknown feature 'bsae'; known features: base, server");
    }

    @Test
    void brokenInfoFilesAreAllReportedWithFileAndValue(@TempDir Path dir) {
        Path syntax = Samples.write(dir, "features/a/info.yaml", "type: [ element\n");
        Path unknownType = Samples.write(dir, "features/b/info.yaml", "type: layer\n");
        Path missingType = Samples.write(dir, "features/c/info.yaml", "description: no type\n");
        Path wrongInclude = Samples.write(dir, "features/d/info.yaml", "type: flag\nfeatures:\n  include: base\n");

        assertThatThrownBy(() -> FeatureGraph.load(dir.resolve("features")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(4))
                .hasMessageContaining("4 problems:")
                .hasMessageContaining(syntax + ": line 2, column 1: not valid YAML")
                .hasMessageContaining(unknownType + ": type: unknown feature type 'layer'; allowed: platform, element,"
                        + " flag, modifier")
                .hasMessageContaining(missingType + ": missing key 'type'")
                .hasMessageContaining(wrongInclude + ": features.include: must be a list, not the string 'base'");
    }

    @Test
    void aMissingFeaturesFolderSaysWhatIsExpected(@TempDir Path dir) {
        assertThatThrownBy(() -> FeatureGraph.load(dir.resolve("features")))
                .hasMessageContaining("not a directory; expected the features/ folder of a Garden Linux checkout");
    }
}
