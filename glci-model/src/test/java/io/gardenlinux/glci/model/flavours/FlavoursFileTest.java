package io.gardenlinux.glci.model.flavours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Samples;
import io.gardenlinux.glci.model.features.FeatureGraph;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlavoursFileTest {

    private static final String SOURCE = "flavours.yaml";
    private static final String PLATFORMS = "ali, aws, azure, gcp, kvm, metal, oci, openstack, vmware";
    private static final String MODIFIERS = "_build, _dev, _ignite, _nopkg, _prod, _pxe, _readonly, _slim, base, chost,"
            + " cloud, example, gardener, khost, server, vhost";

    private final FeatureGraph features = Samples.features();

    private FlavoursFile read(String yaml) {
        return FlavoursFile.read(yaml.getBytes(StandardCharsets.UTF_8), SOURCE, features);
    }

    @Test
    void theSampleSetsExpandToTheCrossProductInTheOrderOfDeclaration() {
        FlavoursFile file = FlavoursFile.read(Samples.GARDENLINUX.resolve("flavours.yaml"), features);

        assertThat(file.setNames()).containsExactly("all", "testing", "aws");
        assertThat(file.flavourSet("all").flavours()).extracting(Flavour::platform)
                .containsExactly("ali", "aws", "azure", "gcp", "openstack", "vmware");
        assertThat(file.flavourSet("testing").flavours()).extracting(Flavour::platform)
                .containsExactly("ali", "aws", "azure", "gcp", "openstack", "vmware", "kvm");
        assertThat(file.flavourSet("all").flavours()).allSatisfy(f -> {
            assertThat(f.architecture()).isEqualTo(Architecture.AMD64);
            assertThat(f.modifiers()).containsExactly("base", "cloud", "gardener", "server", "_nopkg", "_prod",
                    "_readonly", "_slim");
        });
    }

    @Test
    void unknownKeysOfACombinationAreKeptOutOfTheWay() {
        FlavoursFile file = FlavoursFile.read(Samples.GARDENLINUX.resolve("flavours.yaml"), features);

        assertThat(file.flavourSet("all").combinations().get(0).otherKeys())
                .isEqualTo(Map.of("fails", List.of("unit", "integration")));
    }

    @Test
    void duplicatesAfterNormalisationAreRemovedKeepingTheFirst() {
        FlavoursFile file = read("""
                flavour_sets:
                  - name: dup
                    flavour_combinations:
                      - architectures: [ amd64, arm64 ]
                        platforms: [ aws, oci ]
                        modifiers: [ [ gardener, _prod ], [ _prod, gardener ], [ server, gardener, _prod ], [] ]
                      - architectures: [ amd64 ]
                        platforms: [ oci ]
                        modifiers: [ [ base ] ]
                """);

        assertThat(file.flavourSet("dup").flavours()).extracting(Flavour::toString).containsExactly(
                "amd64/aws-_nopkg__prod__readonly__slim_base_cloud_gardener_server",
                "amd64/aws-_slim_base_cloud_server",
                "amd64/oci-_nopkg__prod__readonly__slim_base_gardener_server",
                "amd64/oci-_slim_base",
                "arm64/aws-_nopkg__prod__readonly__slim_base_cloud_gardener_server",
                "arm64/aws-_slim_base_cloud_server",
                "arm64/oci-_nopkg__prod__readonly__slim_base_gardener_server",
                "arm64/oci-_slim_base");
    }

    @Test
    void anUnknownSetNamesTheDefinedSets() {
        FlavoursFile file = FlavoursFile.read(Samples.GARDENLINUX.resolve("flavours.yaml"), features);

        assertThatThrownBy(() -> file.flavourSet("nightly"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(Samples.GARDENLINUX.resolve("flavours.yaml")
                        + ": no flavour set named 'nightly'; defined sets: all, testing, aws");
    }

    @Test
    void anUnknownPlatformNamesSetCombinationValueAndAllowedPlatforms() {
        assertThatThrownBy(() -> read("""
                flavour_sets:
                  - name: all
                    flavour_combinations:
                      - architectures: [ amd64 ]
                        platforms: [ aws, foo ]
                        modifiers: [ [ gardener ] ]
                """)).hasMessage(SOURCE + ": flavour_sets[0].flavour_combinations[0].platforms[1]: set 'all':"
                        + " unknown platform 'foo'; allowed platforms: " + PLATFORMS);
    }

    @Test
    void aModifierUsedAsPlatformAndAPlatformUsedAsModifier() {
        assertThatThrownBy(() -> read("""
                flavour_sets:
                  - name: mixed
                    flavour_combinations:
                      - architectures: [ amd64 ]
                        platforms: [ server ]
                        modifiers: [ [ kvm ] ]
                """))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining(SOURCE + ": flavour_sets[0].flavour_combinations[0].platforms[0]: set 'mixed':"
                        + " 'server' is an element, not a platform; allowed platforms: " + PLATFORMS)
                .hasMessageContaining(SOURCE + ": flavour_sets[0].flavour_combinations[0].modifiers[0][0]: set 'mixed':"
                        + " 'kvm' is a platform, not a modifier; allowed modifiers: " + MODIFIERS);
    }

    @Test
    void unknownModifierAndArchitecture() {
        assertThatThrownBy(() -> read("""
                flavour_sets:
                  - name: all
                    flavour_combinations:
                      - architectures: [ amd64, s390x ]
                        platforms: [ aws ]
                        modifiers: [ [ gardner ] ]
                """))
                .hasMessageContaining("flavour_sets[0].flavour_combinations[0].architectures[1]: set 'all':"
                        + " 's390x' is not a valid Architecture; allowed: amd64, arm64")
                .hasMessageContaining("flavour_sets[0].flavour_combinations[0].modifiers[0][0]: set 'all':"
                        + " unknown modifier 'gardner'; allowed modifiers: " + MODIFIERS);
    }

    @Test
    void duplicateSetNames() {
        assertThatThrownBy(() -> read("""
                flavour_sets:
                  - name: all
                    flavour_combinations: []
                  - name: all
                    flavour_combinations: []
                """)).hasMessage(SOURCE + ": flavour_sets[1].name: duplicate flavour set name 'all' (first defined at"
                        + " flavour_sets[0]); set names must be unique");
    }

    @Test
    void emptyCombinations() {
        assertThatThrownBy(() -> read("""
                flavour_sets:
                  - name: empty
                    flavour_combinations:
                      - architectures: []
                        platforms: []
                        modifiers: []
                """))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(3))
                .hasMessageContaining("flavour_sets[0].flavour_combinations[0].architectures: set 'empty': empty"
                        + " combination: no architecture; allowed: amd64, arm64")
                .hasMessageContaining("flavour_sets[0].flavour_combinations[0].platforms: set 'empty': empty"
                        + " combination: no platform; allowed platforms: " + PLATFORMS)
                .hasMessageContaining("flavour_sets[0].flavour_combinations[0].modifiers: set 'empty': empty"
                        + " combination: no modifier list; write [ [] ] for a flavour without modifiers");
    }

    @Test
    void wrongTypesAndMissingKeys() {
        assertThatThrownBy(() -> read("""
                flavour_sets:
                  - name: typed
                    flavour_combinations:
                      - architectures: amd64
                        platforms: [ aws ]
                        modifiers: [ gardener ]
                      - platforms: [ 42 ]
                        modifiers: [ [] ]
                  - flavour_combinations: []
                """))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(5))
                .hasMessageContaining("flavour_sets[0].flavour_combinations[0].architectures: must be a list, not the"
                        + " string 'amd64'")
                .hasMessageContaining("flavour_sets[0].flavour_combinations[0].modifiers[0]: must be a list, not the"
                        + " string 'gardener'")
                .hasMessageContaining("flavour_sets[0].flavour_combinations[1]: missing key 'architectures'")
                .hasMessageContaining("flavour_sets[0].flavour_combinations[1].platforms[0]: must be a string, not the"
                        + " number 42 (quote it: '42')")
                .hasMessageContaining("flavour_sets[1]: missing key 'name'");
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> read("flavour_sets:\n  - name: all\n    flavour_combinations: [\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(SOURCE + ": line 4, column 1: not valid YAML: ");
    }

    @Test
    void aFileWithoutFlavourSets() {
        assertThatThrownBy(() -> read("flavours: []\n")).hasMessage(SOURCE + ": missing key 'flavour_sets'");
        assertThatThrownBy(() -> read("- a\n")).hasMessage(SOURCE + ": flavours.yaml must be a mapping, not a list");
        assertThatThrownBy(() -> read("")).hasMessage(SOURCE + ": the document is empty");
    }

    @Test
    void anEmptyUnknownKeyOfACombinationIsKept() {
        // found by FlavoursFileFuzzTest: an unknown key without a value was a NullPointerException
        FlavoursFile file = read("""
                flavour_sets:
                  - name: bare
                    flavour_combinations:
                      - architectures: [ arm64 ]
                        platforms: [ metal ]
                        modifiers: [ [ _pxe ] ]
                        fails:
                """);

        Map<String, Object> otherKeys = file.flavourSet("bare").combinations().get(0).otherKeys();
        assertThat(otherKeys).containsOnlyKeys("fails");
        assertThat(otherKeys.get("fails")).isNull();
    }

    @Test
    void repeatedValuesOfACombinationAreExpandedOnce() {
        // 300 x 300 x 300 repeats were 27 million flavours to build and throw away, minutes for 6 KB of YAML
        String architectures = String.join(", ", java.util.Collections.nCopies(300, "amd64"));
        String platforms = String.join(", ", java.util.Collections.nCopies(300, "kvm"));
        String modifiers = String.join(", ", java.util.Collections.nCopies(300, "[ _prod ]"));

        FlavoursFile file = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> read("flavour_sets:\n  - name: many\n    flavour_combinations:\n"
                        + "      - architectures: [ " + architectures + " ]\n        platforms: [ " + platforms + " ]\n"
                        + "        modifiers: [ " + modifiers + " ]\n"));

        assertThat(file.flavourSet("many").flavours()).extracting(Flavour::canonicalNamePrefix)
                .containsExactly("amd64/kvm-_nopkg__prod__readonly__slim_base_cloud_server");
    }
}
