package io.gardenlinux.glci.publish.notify;

import io.gardenlinux.glci.model.GlciException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The mail about a pipeline run in which a task did not succeed (the original's {@code notify-status} step): subject
 * {@code Tekton Pipeline Garden Linux build failure in <pipeline>}, a status table per task (✅ succeeded, ❌ failed,
 * {@code ?} did not run), the run's link on the Tekton dashboard, as HTML and as plain text, and the run's log
 * archive attached when there is one.
 *
 * @param pipeline the pipeline's name
 * @param run the PipelineRun's name
 * @param namespace the run's namespace
 * @param committish the commit the run built
 * @param status the tasks' status
 * @param dashboardUrl the Tekton dashboard, e.g. {@code https://tekton-dashboard.gardenlinux.io}
 * @param logArchive the run's step logs ({@code build_log.zip}), if there is such a file
 * @param recipientsNote who gets the mail and why, for the footer
 */
public record RunFailureMail(String pipeline, String run, String namespace, String committish, RunStatus status,
        String dashboardUrl, Optional<Path> logArchive, String recipientsNote) {

    /** The dashboard of the original's installation. */
    public static final String DEFAULT_DASHBOARD_URL = "https://tekton-dashboard.gardenlinux.io";

    private static final String TEMPLATE = "run-failed.html";

    public RunFailureMail {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(committish, "committish");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dashboardUrl, "dashboardUrl");
        Objects.requireNonNull(logArchive, "logArchive");
        Objects.requireNonNull(recipientsNote, "recipientsNote");
    }

    public String subject() {
        return "Tekton Pipeline Garden Linux build failure in " + pipeline;
    }

    /** The run on the dashboard: {@code <dashboard>/#/namespaces/<namespace>/pipelineruns/<run>}. */
    public String dashboardLink() {
        return dashboardUrl.replaceAll("/+$", "") + "/#/namespaces/" + namespace + "/pipelineruns/" + run;
    }

    /** The mail to {@code recipients}. */
    public Mail to(List<String> recipients) {
        return new Mail(recipients, subject(), html(), text(), logArchive.stream().toList());
    }

    public String html() {
        StringBuilder table = new StringBuilder();
        for (TaskResult task : status.tasks()) {
            table.append("<tr><td class=\"align_left\">").append(Html.escape(task.task()))
                    .append("</td><td class=\"status\" title=\"").append(Html.escape(task.status())).append("\">")
                    .append(task.symbol()).append("</td></tr>\n");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("pipeline", Html.escape(pipeline));
        values.put("pipeline_run", Html.escape(run));
        values.put("namespace", Html.escape(namespace));
        values.put("committish", Html.escape(committish));
        values.put("status_table", table.toString());
        values.put("dashboard_link", Html.escape(dashboardLink()));
        values.put("recipients_note", Html.escape(recipientsNote));
        return Html.fill(template(), values);
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Garden Linux Build Pipeline: ").append(pipeline).append("\n\n");
        text.append("There was a failure in pipeline ").append(pipeline).append(": run ").append(run)
                .append(" in namespace ").append(namespace).append(" failed in at least one task.\n");
        text.append("Commit: ").append(committish).append("\n\n");
        text.append("Build Status: ").append(run).append("\n");
        int width = status.tasks().stream().mapToInt(t -> t.task().length()).max().orElse(4);
        for (TaskResult task : status.tasks()) {
            text.append("  ").append(task.task()).append(" ".repeat(width - task.task().length())).append("  ")
                    .append(task.symbol()).append(' ').append(task.status()).append('\n');
        }
        text.append("\nCheck the Dashboard: ").append(dashboardLink()).append("\n\n");
        text.append(recipientsNote).append('\n');
        return text.toString();
    }

    private static String template() {
        try (InputStream in = RunFailureMail.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new GlciException("the mail template " + TEMPLATE + " is missing from glci-publish");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GlciException("cannot read the mail template " + TEMPLATE + ": " + e.getMessage(), e);
        }
    }
}
