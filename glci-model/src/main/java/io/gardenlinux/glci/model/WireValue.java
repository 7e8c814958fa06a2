package io.gardenlinux.glci.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum constant that is written in files and parameters by a name of its own (e.g. {@code build_only}). */
public interface WireValue {

    /** The name as written in files and parameters. */
    String wireValue();

    /** The constant of {@code type} written as {@code wireValue}. */
    static <E extends Enum<E> & WireValue> Optional<E> find(Class<E> type, String wireValue) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireValue().equals(wireValue)).findFirst();
    }

    /** The written names of all constants of {@code type}, for messages: {@code a, b, c}. */
    static <E extends Enum<E> & WireValue> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireValue::wireValue).collect(Collectors.joining(", "));
    }
}
