package io.gardenlinux.glci.model.manifests;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The state of an Azure Marketplace publication. */
public enum AzureTransportState {
    PROVISIONAL("provisional"),
    PUBLISH("publishing"),
    GO_LIVE("going_live"),
    RELEASED("released"),
    FAILED("failed");

    private final String wireValue;

    AzureTransportState(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    public static Optional<AzureTransportState> find(String wireValue) {
        return Arrays.stream(values()).filter(s -> s.wireValue.equals(wireValue)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(AzureTransportState::wireValue).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
