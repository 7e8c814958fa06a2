package io.gardenlinux.glci.model.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings a goal runs with: what was given (on a command line or in a build file), else the original CI's
 * environment variables, else the defaults of {@link GlciSettings}. Every value is read by its setting's parser when
 * it is asked for, so that a bad value is one error naming the setting, where it came from and what is allowed,
 * before anything is done with it.
 */
public final class SettingValues {

    private final Map<Setting<?>, String> given;
    private final Function<String, Optional<String>> environment;

    private SettingValues(Map<Setting<?>, String> given, Function<String, Optional<String>> environment) {
        this.given = Map.copyOf(given);
        this.environment = environment;
    }

    /** Settings read from {@code environment} (a variable's value; empty when unset) and what {@link Builder} gets. */
    public static Builder builder(Function<String, Optional<String>> environment) {
        return new Builder(Objects.requireNonNull(environment, "environment"));
    }

    /** Settings from the environment and the defaults alone. */
    public static SettingValues ofEnvironment(Function<String, Optional<String>> environment) {
        return builder(environment).build();
    }

    /** Collects what a goal was given; blank values count as not given. */
    public static final class Builder {
        private final Map<Setting<?>, String> given = new HashMap<>();
        private final Function<String, Optional<String>> environment;

        private Builder(Function<String, Optional<String>> environment) {
            this.environment = environment;
        }

        /** The value given for {@code setting}, or null when none was. */
        public Builder put(Setting<?> setting, Object value) {
            if (setting.environmentOnly()) {
                throw new IllegalArgumentException(setting.key() + " is read from the environment only");
            }
            if (value != null && !value.toString().isBlank()) {
                given.put(setting, value.toString().strip());
            }
            return this;
        }

        public SettingValues build() {
            return new SettingValues(given, environment);
        }
    }

    /** Where a value came from. */
    public enum Kind { GIVEN, ENVIRONMENT, DEFAULT }

    /**
     * The text of a setting and where it came from.
     *
     * @param kind given, from the environment, or the default
     * @param variable the environment variable, for {@link Kind#ENVIRONMENT}; else empty
     * @param text the text, stripped
     */
    public record Origin(Kind kind, Optional<String> variable, String text) {
    }

    /** The text of a setting with its origin: given, else environment, else default; empty when there is none. */
    public Optional<Origin> origin(Setting<?> setting) {
        return explicitOrigin(setting).or(() -> setting.defaultValue()
                .map(d -> new Origin(Kind.DEFAULT, Optional.empty(), d)));
    }

    /** The value of a setting: given, else environment, else default; empty when there is none. */
    public <T> Optional<T> find(Setting<T> setting) {
        return origin(setting).map(o -> parse(setting, o));
    }

    /** The value of a setting when it was given or is in the environment, ignoring its default. */
    public <T> Optional<T> explicit(Setting<T> setting) {
        return explicitOrigin(setting).map(o -> parse(setting, o));
    }

    /** The value of a setting that must have one; a {@link SettingException} naming it otherwise. */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> SettingException.missing(setting));
    }

    private Optional<Origin> explicitOrigin(Setting<?> setting) {
        String value = given.get(setting);
        if (value != null) {
            return Optional.of(new Origin(Kind.GIVEN, Optional.empty(), value));
        }
        for (String variable : setting.environment()) {
            Optional<String> text = environment.apply(variable).filter(v -> !v.isBlank()).map(String::strip);
            if (text.isPresent()) {
                return Optional.of(new Origin(Kind.ENVIRONMENT, Optional.of(variable), text.get()));
            }
        }
        return Optional.empty();
    }

    private static <T> T parse(Setting<T> setting, Origin origin) {
        try {
            return setting.parser().parse(origin.text());
        } catch (IllegalArgumentException e) {
            throw SettingException.invalid(setting, origin, e.getMessage());
        }
    }
}
