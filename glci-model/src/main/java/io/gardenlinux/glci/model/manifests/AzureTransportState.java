package io.gardenlinux.glci.model.manifests;

import io.gardenlinux.glci.model.WireValue;
import java.util.Optional;

/** The state of an Azure Marketplace publication. */
public enum AzureTransportState implements WireValue {
    PROVISIONAL("provisional"),
    PUBLISH("publishing"),
    GO_LIVE("going_live"),
    RELEASED("released"),
    FAILED("failed");

    private final String wireValue;

    AzureTransportState(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    public static Optional<AzureTransportState> find(String wireValue) {
        return WireValue.find(AzureTransportState.class, wireValue);
    }

    public static String allowed() {
        return WireValue.allowed(AzureTransportState.class);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
