package io.gardenlinux.glci.publish.store;

import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.flavours.Flavour;
import io.gardenlinux.glci.model.manifests.ReleaseIdentifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The sample Garden Linux tree of this repository and identities of builds from it. */
final class Fixtures {

    static final Path GARDENLINUX = Path.of("..", "samples", "gardenlinux").toAbsolutePath().normalize();
    static final String COMMIT = "c03ea4d3d0905b463e78bbb582853a8bc4437496";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2021-08-04T10:11:12.123456Z"), ZoneOffset.UTC);

    private static FeatureGraph features;

    private Fixtures() {
    }

    static synchronized FeatureGraph features() {
        if (features == null) {
            features = FeatureGraph.load(GARDENLINUX.resolve("features"));
        }
        return features;
    }

    static Flavour flavour(String platform, String... modifiers) {
        return Flavour.of(features(), Architecture.AMD64, platform, List.of(modifiers));
    }

    static ReleaseIdentifier awsBuild() {
        return ReleaseIdentifier.of(flavour("aws", "gardener", "_prod"), COMMIT, "318.9", 318);
    }
}
