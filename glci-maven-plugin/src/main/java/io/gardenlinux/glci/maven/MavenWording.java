package io.gardenlinux.glci.maven;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.Setting;
import io.gardenlinux.glci.model.settings.SettingException;
import io.gardenlinux.glci.model.settings.SettingValues;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place where glci's settings get Maven's words (compare Jib's {@code HelpfulSuggestions}): the libraries name
 * a setting by its key ({@link Setting#mention()}) and a goal by its name ({@link GlciSettings#goal(String)}); here
 * they become {@code -Dglci.<key>} and {@code mvn glci:<goal>}, or the environment variable of a setting that is read
 * from the environment only.
 */
final class MavenWording {

    /** The user property of every setting is {@code glci.<key>}. */
    static final String PROPERTY_PREFIX = "glci.";

    private static final Pattern SETTING = Pattern.compile(Pattern.quote(Setting.MENTION_PREFIX) + "(\\w+)'");
    private static final Pattern GOAL = Pattern.compile(Pattern.quote(GlciSettings.GOAL_PREFIX) + "([\\w-]+)'");
    private static final Map<String, Setting<?>> BY_KEY = GlciSettings.all().stream()
            .collect(Collectors.toUnmodifiableMap(Setting::key, Function.identity()));

    private MavenWording() {
    }

    /** The user property of a setting, e.g. {@code glci.namespace}. */
    static String property(Setting<?> setting) {
        return PROPERTY_PREFIX + setting.key();
    }

    /** A library's message in Maven's words: {@code -Dglci.run=x} for a setting, {@code mvn glci:watch} for a goal. */
    static String words(String message) {
        if (message == null) {
            return null;
        }
        String goals = GOAL.matcher(message).replaceAll(m -> Matcher.quoteReplacement("mvn glci:" + m.group(1)));
        return SETTING.matcher(goals).replaceAll(m -> Matcher.quoteReplacement(commandLine(m.group(1))));
    }

    private static String commandLine(String key) {
        Setting<?> setting = BY_KEY.get(key);
        if (setting != null && setting.environmentOnly()) {
            return setting.environment().get(0);
        }
        return "-D" + PROPERTY_PREFIX + key;
    }

    /** A missing or refused setting as one line that says how to set it. */
    static String describe(SettingException e) {
        Setting<?> setting = e.setting();
        String name = commandLine(setting.key());
        if (e.origin().isEmpty()) {
            String how = setting.environmentOnly() ? "set " + name
                    : "pass " + name + "=..." + (setting.environment().isEmpty() ? ""
                            : " or set " + String.join(" or ", setting.environment()));
            return name + " is not set (" + setting.description() + "): " + how;
        }
        SettingValues.Origin origin = e.origin().get();
        String value = SettingException.shown(setting, origin);
        String where = switch (origin.kind()) {
            case GIVEN -> name + "=" + value;
            case ENVIRONMENT -> origin.variable().orElseThrow() + "=" + value
                    + (setting.environmentOnly() ? "" : " (environment; " + name + " is not given)");
            case DEFAULT -> name + "=" + value + " (the default)";
        };
        return where + ": " + words(e.reason());
    }
}
