package io.gardenlinux.glci.model.flavours;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.Samples;
import io.gardenlinux.glci.model.features.FeatureGraph;
import io.gardenlinux.glci.model.fuzz.BadInput;
import java.util.Set;

/**
 * {@code flavours.yaml} against the sample feature tree: any bytes are a flavours file or one
 * {@link io.gardenlinux.glci.model.InvalidInputException}; every set that is read names its tasks.
 */
class FlavoursFileFuzzTest {

    private static final FeatureGraph FEATURES = Samples.features();

    @FuzzTest(maxDuration = "3m")
    void readsFlavoursYaml(byte[] input) {
        BadInput.readOrReject("flavours.yaml", () -> {
            FlavoursFile file = FlavoursFile.read(input, "flavours.yaml", FEATURES);
            for (String name : file.setNames()) {
                FlavourTaskNames.assign(file.flavourSet(name).flavours(), Set.of(), Reporter.silent());
            }
        });
    }
}
