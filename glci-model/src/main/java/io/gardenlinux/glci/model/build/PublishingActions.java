package io.gardenlinux.glci.model.build;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of publishing actions in a stable order (the order first given), as passed in the comma-separated
 * {@code publishing_actions} parameter.
 *
 * @param actions the actions, each once
 */
public record PublishingActions(List<PublishingAction> actions) {

    public PublishingActions {
        actions = List.copyOf(new LinkedHashSet<>(actions));
    }

    public static PublishingActions of(PublishingAction... actions) {
        return new PublishingActions(List.of(actions));
    }

    /**
     * Parses a comma-separated list such as {@code manifests,build_only}; each piece is trimmed and empty pieces are
     * ignored. An unknown value is an {@link IllegalArgumentException} with the original's message and the allowed
     * values.
     */
    public static PublishingActions parse(String commaSeparated) {
        List<PublishingAction> actions = new ArrayList<>();
        for (String piece : commaSeparated.split(",")) {
            String value = piece.strip();
            if (value.isEmpty()) {
                continue;
            }
            actions.add(PublishingAction.find(value).orElseThrow(() -> new IllegalArgumentException(
                    "'" + value + "' is not a valid PublishingAction; allowed: " + PublishingAction.allowed())));
        }
        return new PublishingActions(actions);
    }

    public boolean contains(PublishingAction action) {
        return actions.contains(action);
    }

    /** These actions and {@code more}, in first-given order. */
    public PublishingActions with(PublishingAction... more) {
        Set<PublishingAction> all = new LinkedHashSet<>(actions);
        all.addAll(List.of(more));
        return new PublishingActions(List.copyOf(all));
    }

    /** The parameter value: the actions joined with {@code ,}. */
    public String toParameter() {
        return actions.stream().map(PublishingAction::wireValue).collect(Collectors.joining(","));
    }

    /** The abbreviations joined with {@code -}, as in PipelineRun names, e.g. {@code man-bo}. */
    public String abbreviation() {
        return actions.stream().map(PublishingAction::abbreviation).collect(Collectors.joining("-"));
    }

    @Override
    public String toString() {
        return toParameter();
    }
}
