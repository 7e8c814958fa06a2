package io.gardenlinux.glci.model.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting of glci: its key, the original CI's environment variables that stand in for it, its default, how its
 * text is read, and one line of documentation. Libraries name a setting only by its key ({@link #mention()}); a front
 * end turns the key into its own wording, e.g. the Maven plugin into {@code -Dglci.<key>}.
 *
 * @param key the name, e.g. {@code namespace}
 * @param environment the environment variables read when the setting is not given, first found wins
 * @param environmentOnly the setting is read from the environment only, never from a command line (a secret key)
 * @param secret the value is never shown, not even in an error
 * @param defaultValue the text used when the setting is neither given nor in the environment
 * @param parser reads the text; throws {@link IllegalArgumentException} saying what is allowed
 * @param description one line for the documentation
 * @param <T> the type of the value
 */
public record Setting<T>(String key, List<String> environment, boolean environmentOnly, boolean secret,
        Optional<String> defaultValue, Parser<T> parser, String description) {

    /** Reads a setting's text. */
    @FunctionalInterface
    public interface Parser<T> {
        /** The value of {@code text} (stripped, never blank); an {@link IllegalArgumentException} saying what is allowed. */
        T parse(String text);
    }

    public Setting {
        Objects.requireNonNull(key, "key");
        environment = List.copyOf(environment);
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(description, "description");
        if (environmentOnly && environment.isEmpty()) {
            throw new IllegalArgumentException(key + ": a setting read from the environment only needs a variable");
        }
    }

    /** A setting without environment variable and default. */
    public static <T> Setting<T> of(String key, Parser<T> parser, String description) {
        return new Setting<>(key, List.of(), false, false, Optional.empty(), parser, description);
    }

    /** A text setting. */
    public static Setting<String> text(String key, String description) {
        return of(key, text -> text, description);
    }

    /** A whole number from {@code min} to {@code max}; anything else is refused before any arithmetic. */
    public static Setting<Integer> integer(String key, int min, int max, String description) {
        return of(key, text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number; allowed: " + range(min, max));
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("out of range; allowed: " + range(min, max));
            }
            return value;
        }, description);
    }

    private static String range(int min, int max) {
        return max == Integer.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
    }

    /** This setting, read from these environment variables when it is not given. */
    public Setting<T> env(String... variables) {
        return new Setting<>(key, List.of(variables), environmentOnly, secret, defaultValue, parser, description);
    }

    /** This setting, read from these environment variables only (never from a command line), its value never shown. */
    public Setting<T> secretEnv(String... variables) {
        return new Setting<>(key, List.of(variables), true, true, defaultValue, parser, description);
    }

    /** This setting with a default, given as text and read by the parser like any other value. */
    public Setting<T> defaultsTo(String text) {
        return new Setting<>(key, environment, environmentOnly, secret, Optional.of(text), parser, description);
    }

    /** How libraries refer to this setting in messages: {@code setting 'namespace'}. */
    public String mention() {
        return MENTION_PREFIX + key + "'";
    }

    /** How libraries refer to a value of this setting in messages: {@code setting 'run'=gardenlinux-build-1}. */
    public String mention(Object value) {
        return mention() + "=" + value;
    }

    /** What {@link #mention()} starts with; front ends recognise mentions by it. */
    public static final String MENTION_PREFIX = "setting '";

    @Override
    public String toString() {
        return key;
    }
}
