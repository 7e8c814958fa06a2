package io.gardenlinux.glci.model.flavours;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.model.Samples;
import io.gardenlinux.glci.model.build.BuildType;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.manifests.ImageNames;
import io.gardenlinux.glci.model.manifests.ManifestKeys;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every naming example of the original CI (research §1.4, §1.5), as exact values. */
class NamingTest {

    private static final String VERSION = "318.9";
    private final FeatureGraph features = Samples.features();

    private Flavour flavour(String platform, String... modifiers) {
        return Flavour.of(features, Architecture.AMD64, platform, List.of(modifiers));
    }

    @Test
    void normalisedModifiersOfAwsGardenerProd() {
        assertThat(flavour("aws", "gardener", "_prod").modifiers())
                .containsExactly("base", "cloud", "gardener", "server", "_nopkg", "_prod", "_readonly", "_slim");
    }

    @Test
    void filenamePrefixSortsModifiersInAsciiOrder() {
        assertThat(flavour("aws", "gardener", "_prod").filenamePrefix())
                .isEqualTo("aws-_nopkg__prod__readonly__slim_base_cloud_gardener_server");
    }

    @Test
    void canonicalNamePrefixPutsTheArchitectureFirst() {
        assertThat(flavour("aws", "gardener", "_prod").canonicalNamePrefix())
                .isEqualTo("amd64/aws-_nopkg__prod__readonly__slim_base_cloud_gardener_server");
    }

    @ParameterizedTest
    @CsvSource({
        "aws,       amd64-aws-nopkgprodroslimbasecloudgardenerserver",
        "openstack, amd64-openstack-nopkgprodroslimbasecloudgardenerserver",
        "gcp,       amd64-gcp-nopkgprodroslimbasecloudgardenerserver",
    })
    void taskNamesOfTheGardenerProdFlavours(String platform, String taskName) {
        assertThat(flavour(platform, "gardener", "_prod").originalTaskName()).isEqualTo(taskName);
    }

    @Test
    void taskNameOfOci() {
        assertThat(flavour("oci").originalTaskName()).isEqualTo("amd64-oci-slimbase");
    }

    @Test
    void modifiersAndFeaturesParameters() {
        Flavour aws = flavour("aws", "gardener", "_prod");
        assertThat(aws.modifiersParameter()).isEqualTo("_nopkg,_prod,_readonly,_slim,base,cloud,gardener,server");
        assertThat(aws.featuresParameter()).isEqualTo("aws,_nopkg,_prod,_readonly,_slim,base,cloud,gardener,server");
    }

    @ParameterizedTest
    @CsvSource({
        "aws-cloud-gardener-_prod-318.9-c03ea4, aws,   gardener _prod",
        "oci-base-318.9-c03ea4,                 oci,   ''",
        "gcp-cloud-gardener-_prod-318.9-c03ea4, gcp,   gardener _prod",
        "metal-server-_pxe-318.9-c03ea4,        metal, _pxe",
        "kvm-chost-cloud-_readonly-318.9-c03ea4, kvm,  chost _readonly",
    })
    void releaseManifestKeys(String suffix, String platform, String modifiers) {
        Flavour flavour = flavour(platform, modifiers.isBlank() ? new String[0] : modifiers.split(" "));
        assertThat(ManifestKeys.singleKeySuffix(flavour, VERSION, Samples.COMMIT)).isEqualTo(suffix);
        assertThat(ManifestKeys.singleKey(flavour, VERSION, Samples.COMMIT)).isEqualTo("meta/singles/" + suffix);
    }

    @Test
    void theKeyIsTheSameForNormalisedAndRawModifiers() {
        // the CI passes the full normalised list; glci normalises first, so both give the original's key
        Flavour fromRaw = flavour("aws", "gardener", "_prod");
        Flavour fromNormalised = flavour("aws", "_nopkg", "_prod", "_readonly", "_slim", "base", "cloud", "gardener",
                "server");
        assertThat(fromRaw).isEqualTo(fromNormalised);
        assertThat(fromNormalised.canonicalName()).isEqualTo("aws-cloud-gardener-_prod");
    }

    @Test
    void releaseIdentifierGivesTheSameKey() {
        Flavour aws = flavour("aws", "gardener", "_prod");
        ReleaseIdentifier id = ReleaseIdentifier.of(aws, Samples.COMMIT, VERSION, 318);
        assertThat(id.modifiers()).containsExactly("_nopkg", "_prod", "_readonly", "_slim", "base", "cloud", "gardener",
                "server");
        assertThat(id.manifestKey(features)).isEqualTo("meta/singles/aws-cloud-gardener-_prod-318.9-c03ea4");
        assertThat(id.flavour(features)).isEqualTo(aws);
    }

    @Test
    void publishedImageNames() {
        assertThat(ImageNames.amiName("aws-cloud-gardener-_prod-318.9-c03ea4"))
                .isEqualTo("gardenlinux-aws-cloud-gardener-_prod-318.9-c03ea4");
        assertThat(ImageNames.alicloudImageName("ali-cloud-gardener-_prod-318.9-c03ea4"))
                .isEqualTo("gardenlinux-ali-cloud-gardener-_prod-318.9-c03ea4");
        assertThat(ImageNames.gcpImageName("gcp-cloud-gardener-_prod-318.9-c03ea4"))
                .isEqualTo("gardenlinux-gcp-cloud-gardener--prod-318-9-c03ea4");
        assertThat(ImageNames.ociTag(VERSION, "oci-base-318.9-c03ea4")).isEqualTo("318.9-oci-base-318.9-c03ea4");
        assertThat(ImageNames.ociReference("eu.gcr.io/gardenlinux/gardenlinux", VERSION, "oci-base-318.9-c03ea4"))
                .isEqualTo("eu.gcr.io/gardenlinux/gardenlinux:318.9-oci-base-318.9-c03ea4");
    }

    @Test
    void manifestSetNamesAndKeys() {
        assertThat(ManifestKeys.setName(BuildType.SNAPSHOT, 318, Samples.COMMIT, VERSION, "all"))
                .isEqualTo("318-c03ea4-all");
        assertThat(ManifestKeys.setName(BuildType.DAILY, 318, Samples.COMMIT, VERSION, "all"))
                .isEqualTo("318-c03ea4-all");
        assertThat(ManifestKeys.setName(BuildType.RELEASE, 318, Samples.COMMIT, VERSION, "all"))
                .isEqualTo("318.9-all");
        assertThat(ManifestKeys.setKey(BuildType.SNAPSHOT, "318-c03ea4-all"))
                .isEqualTo("meta/sets/snapshot/318-c03ea4-all");
        assertThat(ManifestKeys.setKey(BuildType.RELEASE, "318.9-all")).isEqualTo("meta/sets/release/318.9-all");
    }

    @Test
    void releaseFilesAndObjects() {
        assertThat(ManifestKeys.releaseFileName(318, Samples.COMMIT, "./20210212/amd64/bullseye/rootfs.raw"))
                .isEqualTo("318-c03ea4-20210212/amd64/bullseye/rootfs.raw");
        assertThat(ManifestKeys.objectKey("da39a3ee5e6b4b0d3255bfef95601890afd80709"))
                .isEqualTo("objects/da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assertThat(ManifestKeys.uploadVersion(318, Samples.COMMIT)).isEqualTo("318-c03ea4");
    }
}
