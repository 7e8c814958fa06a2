package io.gardenlinux.glci.publish.notify;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import io.gardenlinux.glci.model.yaml.YamlDocuments;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The status of a pipeline run's tasks, in the order given, parsed from the {@code status_dict_str} parameter of the
 * original's {@code notify-task}: a JSON object of {@code status_<task>} to {@code Succeeded}, {@code Failed} or
 * {@code None}, e.g. {@code {"status_build-aws": "Succeeded", "status_promote": "None"}}. The parameter's default
 * {@code ~} (and an empty value) means no task status is known.
 *
 * @param tasks the tasks and their status
 */
public record RunStatus(List<TaskResult> tasks) {

    /** Where the dictionary comes from, in error messages. */
    public static final String SOURCE = "status dictionary (" + GlciSettings.STATUS_DICT.mention() + ")";

    public RunStatus {
        tasks = List.copyOf(tasks);
    }

    /** Parses the dictionary; anything but a JSON object of strings (or nulls, read as {@code None}) is refused. */
    public static RunStatus parse(String statusDict) {
        if (statusDict == null || statusDict.isBlank() || statusDict.strip().equals("~")) {
            return new RunStatus(List.of());
        }
        JsonNode root = YamlDocuments.readJson(statusDict.getBytes(StandardCharsets.UTF_8), SOURCE);
        if (!root.isObject()) {
            throw new InvalidInputException(new Problem(SOURCE, "", "expected a JSON object of task to status, such"
                    + " as {\"status_build\": \"Succeeded\"}, not " + root.getNodeType()));
        }
        List<TaskResult> tasks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                tasks.add(new TaskResult(entry.getKey(), TaskResult.NONE));
            } else if (value.isString()) {
                tasks.add(new TaskResult(entry.getKey(), value.asString()));
            } else {
                problems.add(new Problem(SOURCE, entry.getKey(), "expected a status (Succeeded, Failed or None), not "
                        + value));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new RunStatus(tasks);
    }

    /** Whether every task succeeded (also when no task status is known): then nobody is notified. */
    public boolean allSucceeded() {
        return tasks.stream().allMatch(TaskResult::succeeded);
    }

    /** The tasks that did not succeed. */
    public List<TaskResult> notSucceeded() {
        return tasks.stream().filter(t -> !t.succeeded()).toList();
    }
}
