package io.gardenlinux.glci.model.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gardenlinux.glci.model.fuzz.BadInput;

/** {@code cicd.yaml}: any bytes are a configuration file or one {@link io.gardenlinux.glci.model.InvalidInputException}. */
class CicdConfigFileFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void readsCicdYaml(byte[] input) {
        BadInput.readOrReject("cicd.yaml", () -> {
            CicdConfigFile file = CicdConfigFile.read(input, "cicd.yaml");
            file.names().forEach(file::config);
        });
    }
}
