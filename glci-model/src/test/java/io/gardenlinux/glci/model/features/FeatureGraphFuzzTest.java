package io.gardenlinux.glci.model.features;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gardenlinux.glci.model.Samples;
import io.gardenlinux.glci.model.flavours.Architecture;
import io.gardenlinux.glci.model.flavours.Flavour;
import io.gardenlinux.glci.model.fuzz.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code info.yaml}: the fuzzed file is the feature {@code fuzzed} of a small tree whose other features include it,
 * so that its includes are resolved; the tree is a graph or one {@link io.gardenlinux.glci.model.InvalidInputException}.
 */
class FeatureGraphFuzzTest {

    @TempDir
    Path dir;

    private Path features;
    private Path fuzzed;

    @BeforeEach
    void writeTree() {
        features = dir.resolve("features");
        Samples.write(features, "kvm/info.yaml", "type: platform\nfeatures:\n  include: [ base ]\n");
        Samples.write(features, "base/info.yaml", "type: element\ndescription: the base\n");
        Samples.write(features, "_prod/info.yaml", "type: flag\nfeatures:\n  include: [ fuzzed, base ]\n");
        fuzzed = Samples.write(features, "fuzzed/info.yaml", "type: element\n");
    }

    @FuzzTest(maxDuration = "3m")
    void loadsInfoYaml(byte[] input) throws IOException {
        Files.write(fuzzed, input);
        BadInput.readOrReject(features.toString(), () -> {
            FeatureGraph graph = FeatureGraph.load(features);
            for (String platform : graph.platforms()) {
                for (String modifier : graph.modifiers()) {
                    Flavour.of(graph, Architecture.AMD64, platform, List.of(modifier)).canonicalName();
                }
            }
        });
    }
}
