package io.gardenlinux.glci.model.flavours;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.Samples;
import io.gardenlinux.glci.model.features.Feature;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.features.FeatureType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlavourTaskNamesTest {

    private final List<String> warnings = new ArrayList<>();
    private final Reporter reporter = new Reporter() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    @Test
    void namesThatFitAreTheOriginalsWithoutWarning() {
        FeatureGraph features = Samples.features();
        Flavour aws = Flavour.of(features, Architecture.AMD64, "aws", List.of("gardener", "_prod"));
        Flavour oci = Flavour.of(features, Architecture.AMD64, "oci", List.of());

        Map<Flavour, String> names = FlavourTaskNames.assign(List.of(aws, oci), Set.of("build-baseimage"), reporter);

        assertThat(names).containsExactly(
                Map.entry(aws, "amd64-aws-nopkgprodroslimbasecloudgardenerserver"),
                Map.entry(oci, "amd64-oci-slimbase"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void longNamesAreShortenedDeterministicallyToAtMost63AndStayUnique() {
        FeatureGraph features = FeatureGraph.of(List.of(
                feature("aws", FeatureType.PLATFORM),
                feature("averyveryverylongmodifiernumberone", FeatureType.MODIFIER),
                feature("averyveryverylongmodifiernumbertwo", FeatureType.MODIFIER),
                feature("averyveryverylongmodifiernumberthree", FeatureType.MODIFIER)));
        Flavour one = Flavour.of(features, Architecture.AMD64, "aws",
                List.of("averyveryverylongmodifiernumberone", "averyveryverylongmodifiernumbertwo"));
        Flavour two = Flavour.of(features, Architecture.AMD64, "aws",
                List.of("averyveryverylongmodifiernumberone", "averyveryverylongmodifiernumberthree"));
        assertThat(one.originalTaskName()).hasSizeGreaterThan(63);

        Map<Flavour, String> names = FlavourTaskNames.assign(List.of(one, two), Set.of(), reporter);
        Map<Flavour, String> again = FlavourTaskNames.assign(List.of(one, two), Set.of(), Reporter.silent());

        assertThat(names).isEqualTo(again);
        assertThat(names.values()).allSatisfy(name -> {
            assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            assertThat(name).startsWith("amd64-aws-averyveryverylongmodifiernumberone");
        });
        assertThat(names.values()).doesNotHaveDuplicates();
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w)
                .contains("characters long, more than the 63 Kubernetes allows; using 'amd64-aws-averyvery"));
    }

    @Test
    void flavoursWhoseNamesCollideGetDistinctNames() {
        // '_x' and 'x' differ only in the underscore the original deletes
        FeatureGraph features = FeatureGraph.of(List.of(
                feature("kvm", FeatureType.PLATFORM),
                feature("_x", FeatureType.MODIFIER),
                feature("x", FeatureType.MODIFIER)));
        Flavour underscore = Flavour.of(features, Architecture.AMD64, "kvm", List.of("_x"));
        Flavour plain = Flavour.of(features, Architecture.AMD64, "kvm", List.of("x"));
        assertThat(underscore.originalTaskName()).isEqualTo(plain.originalTaskName()).isEqualTo("amd64-kvm-x");

        Map<Flavour, String> names = FlavourTaskNames.assign(List.of(underscore, plain), Set.of(), reporter);

        assertThat(names.values()).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("amd64-kvm-x-[0-9a-f]{8}"));
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).contains("is the name of another flavour's task"));
    }

    private static Feature feature(String name, FeatureType type) {
        return new Feature(name, type, type == FeatureType.PLATFORM ? "platform" : "flag", Feature.NO_DESCRIPTION,
                List.of(), "features/" + name + "/info.yaml");
    }
}
