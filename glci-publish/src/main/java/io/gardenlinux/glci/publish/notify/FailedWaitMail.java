package io.gardenlinux.glci.publish.notify;

import java.util.List;
import java.util.Objects;

/**
 * The mail about a run that failed while glci waited for it (the original's {@code wait_for_pipelinerun.py}): subject
 * {@code [Action Required] - gardenlinux build failed}, the local HEAD's commit and message, and the failed tasks.
 *
 * @param commit the local HEAD's commit id
 * @param message the commit's message
 * @param namespace the run's namespace
 * @param run the PipelineRun's name
 * @param failedTasks the pipeline tasks that failed
 * @param dashboardUrl the Tekton dashboard
 */
public record FailedWaitMail(String commit, String message, String namespace, String run, List<String> failedTasks,
        String dashboardUrl) {

    public static final String SUBJECT = "[Action Required] - gardenlinux build failed";

    public FailedWaitMail {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(run, "run");
        failedTasks = List.copyOf(failedTasks);
        Objects.requireNonNull(dashboardUrl, "dashboardUrl");
    }

    /** The run on the dashboard. */
    public String dashboardLink() {
        return dashboardUrl.replaceAll("/+$", "") + "/#/namespaces/" + namespace + "/pipelineruns/" + run;
    }

    public Mail to(List<String> recipients) {
        return new Mail(recipients, SUBJECT, html(), text(), List.of());
    }

    public String text() {
        StringBuilder text = new StringBuilder("This is to inform you about a build error.\n\n");
        text.append("Pipeline run ").append(run).append(" in namespace ").append(namespace).append(" failed.\n\n");
        text.append("Committish: ").append(commit).append('\n');
        text.append("Commit message:\n").append(message.strip().indent(4)).append('\n');
        text.append("Failed tasks:\n");
        failedTasks.forEach(t -> text.append("  - ").append(t).append('\n'));
        if (failedTasks.isEmpty()) {
            text.append("  (none reported; the run failed or timed out as a whole)\n");
        }
        text.append("\nDashboard: ").append(dashboardLink()).append('\n');
        return text.toString();
    }

    public String html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>").append(Html.escape(SUBJECT)).append("</title></head>\n<body>\n");
        html.append("<p>This is to inform you about a build error.</p>\n");
        html.append("<p>Pipeline run <b>").append(Html.escape(run)).append("</b> in namespace <b>")
                .append(Html.escape(namespace)).append("</b> failed.</p>\n");
        html.append("<p>Committish: <code>").append(Html.escape(commit)).append("</code></p>\n");
        html.append("<pre>").append(Html.escape(message.strip())).append("</pre>\n");
        html.append("<p>Failed tasks:</p>\n<ul>\n");
        failedTasks.forEach(t -> html.append("<li>").append(Html.escape(t)).append("</li>\n"));
        if (failedTasks.isEmpty()) {
            html.append("<li>none reported; the run failed or timed out as a whole</li>\n");
        }
        html.append("</ul>\n<p><a href=\"").append(Html.escape(dashboardLink()))
                .append("\">Check the Dashboard</a></p>\n</body></html>\n");
        return html.toString();
    }
}
