package io.gardenlinux.glci.model.settings;

import io.gardenlinux.glci.model.GlciException;
import java.util.Objects;
import java.util.Optional;

/**
 * A setting that is missing or whose value is not allowed. It carries the data, so that a front end can say it in its
 * own words ({@code -Dglci.<key>} for Maven); its message says it in the libraries' words.
 */
public final class SettingException extends GlciException {

    private static final long serialVersionUID = 1L;

    private final transient Setting<?> setting;
    private final transient Optional<SettingValues.Origin> origin;
    private final String reason;

    private SettingException(Setting<?> setting, Optional<SettingValues.Origin> origin, String reason) {
        super(describe(setting, origin, reason));
        this.setting = Objects.requireNonNull(setting, "setting");
        this.origin = origin;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A setting that must have a value but has none. */
    public static SettingException missing(Setting<?> setting) {
        return new SettingException(setting, Optional.empty(), "is not set (" + setting.description() + ")");
    }

    /** A value that the setting's parser refused, or that does not fit with other settings; {@code reason} says why. */
    public static SettingException invalid(Setting<?> setting, SettingValues.Origin origin, String reason) {
        return new SettingException(setting, Optional.of(origin), reason);
    }

    public Setting<?> setting() {
        return setting;
    }

    /** Where the refused value came from; empty for a missing setting. */
    public Optional<SettingValues.Origin> origin() {
        return origin;
    }

    /** What is wrong and what is allowed, without the setting's name. */
    public String reason() {
        return reason;
    }

    /** The value as it may be shown: secrets are never shown. */
    public static String shown(Setting<?> setting, SettingValues.Origin origin) {
        return setting.secret() ? "(hidden)" : origin.text();
    }

    private static String describe(Setting<?> setting, Optional<SettingValues.Origin> origin, String reason) {
        if (origin.isEmpty()) {
            return setting.mention() + " " + reason + (setting.environment().isEmpty() ? ""
                    : "; or set " + String.join(" or ", setting.environment()));
        }
        SettingValues.Origin o = origin.get();
        String where = switch (o.kind()) {
            case GIVEN -> setting.mention(shown(setting, o));
            case ENVIRONMENT -> o.variable().orElseThrow() + "=" + shown(setting, o) + " (" + setting.mention() + ")";
            case DEFAULT -> setting.mention(shown(setting, o)) + " (the default)";
        };
        return where + ": " + reason;
    }
}
