package io.gardenlinux.glci.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.gardenlinux.glci.cluster.TektonStatus.ChildReference;
import io.gardenlinux.glci.cluster.TektonStatus.EmbeddedTaskRun;
import io.gardenlinux.glci.cluster.TektonStatus.PipelineRunStatus;
import io.gardenlinux.glci.cluster.TektonStatus.TaskRunStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reading PipelineRuns, their TaskRuns and their pods' logs in the connection's namespace. */
final class TektonRuns {

    /** The label Tekton puts on a PipelineRun's TaskRuns and pods. */
    static final String PIPELINE_RUN_LABEL = "tekton.dev/pipelineRun";
    /** The label Tekton puts on a TaskRun with the name of its task in the Pipeline. */
    static final String PIPELINE_TASK_LABEL = "tekton.dev/pipelineTask";

    /**
     * A TaskRun of a PipelineRun.
     *
     * @param pipelineTask the task's name in the Pipeline
     * @param name the TaskRun's name
     * @param status its status
     */
    record ChildTaskRun(String pipelineTask, String name, TaskRunStatus status) {

        RunState state() {
            return RunState.of(status.conditions());
        }
    }

    /** How long the API server may take to start answering a log request. */
    private static final Duration LOG_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final ClusterConnection connection;

    TektonRuns(ClusterConnection connection) {
        this.connection = connection;
    }

    NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> runs() {
        return connection.client().genericKubernetesResources(connection.tektonApi().pipelineRuns())
                .inNamespace(connection.namespace());
    }

    NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> taskRuns() {
        return connection.client().genericKubernetesResources(connection.tektonApi().taskRuns())
                .inNamespace(connection.namespace());
    }

    /** The PipelineRun; a run that does not exist is an error that says how to find the right name. */
    GenericKubernetesResource run(String name) {
        GenericKubernetesResource run = connection.call("reading PipelineRun " + name,
                () -> runs().withName(name).get());
        if (run == null) {
            throw new ClusterException("PipelineRun '" + name + "' does not exist in " + connection.where()
                    + "; list the runs with: kubectl get pipelineruns -n " + connection.namespace());
        }
        return run;
    }

    /** The PipelineRuns of the namespace, newest first. */
    List<GenericKubernetesResource> runsNewestFirst() {
        List<GenericKubernetesResource> all = new ArrayList<>(connection.call("listing PipelineRuns",
                () -> runs().list().getItems()));
        all.sort(Comparator.comparing((GenericKubernetesResource r) -> Optional.ofNullable(
                r.getMetadata().getCreationTimestamp()).orElse("")).reversed()
                .thenComparing(r -> r.getMetadata().getName()));
        return all;
    }

    /** The TaskRuns Tekton labelled as the run's. */
    List<GenericKubernetesResource> labelledTaskRuns(String runName) {
        return connection.call("listing the TaskRuns of PipelineRun " + runName,
                () -> taskRuns().withLabel(PIPELINE_RUN_LABEL, runName).list().getItems());
    }

    /**
     * The run's TaskRuns in the order of its status: {@code v1} {@code childReferences} (each TaskRun read),
     * {@code v1beta1} {@code status.taskRuns} (statuses embedded), else those labelled as the run's.
     */
    List<ChildTaskRun> children(GenericKubernetesResource run) {
        PipelineRunStatus status = TektonStatus.pipelineRun(run);
        List<ChildTaskRun> children = new ArrayList<>();
        if (!status.childReferences().isEmpty()) {
            for (ChildReference child : status.childReferences()) {
                if (!"TaskRun".equals(child.kind())) {
                    continue;
                }
                GenericKubernetesResource taskRun = connection.call("reading TaskRun " + child.name(),
                        () -> taskRuns().withName(child.name()).get());
                TaskRunStatus taskStatus = taskRun == null ? TektonStatus.taskRun(new GenericKubernetesResource())
                        : TektonStatus.taskRun(taskRun);
                children.add(new ChildTaskRun(child.pipelineTaskName(), child.name(), taskStatus));
            }
        } else if (!status.taskRuns().isEmpty()) {
            for (Map.Entry<String, EmbeddedTaskRun> entry : status.taskRuns().entrySet()) {
                TaskRunStatus taskStatus = entry.getValue().status() != null ? entry.getValue().status()
                        : TektonStatus.taskRun(new GenericKubernetesResource());
                children.add(new ChildTaskRun(entry.getValue().pipelineTaskName(), entry.getKey(), taskStatus));
            }
        } else {
            for (GenericKubernetesResource taskRun : labelledTaskRuns(run.getMetadata().getName())) {
                children.add(child(taskRun));
            }
        }
        return children;
    }

    static ChildTaskRun child(GenericKubernetesResource taskRun) {
        return new ChildTaskRun(pipelineTask(taskRun), taskRun.getMetadata().getName(),
                TektonStatus.taskRun(taskRun));
    }

    /** The task's name in the Pipeline, from Tekton's label; the TaskRun's own name when it has none. */
    static String pipelineTask(GenericKubernetesResource taskRun) {
        Map<String, String> labels = taskRun.getMetadata().getLabels();
        String task = labels == null ? null : labels.get(PIPELINE_TASK_LABEL);
        return task != null ? task : taskRun.getMetadata().getName();
    }

    /**
     * A step container's log, all of it or its last {@code tailLines} lines. {@code step} names the step for
     * messages, e.g. {@code "step build of task kvm-amd64"}.
     */
    String log(String step, String pod, String container, int tailLines) {
        try (InputStream in = logStream(step, pod, container, tailLines)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClusterException("reading the log of " + step + " (pod " + pod + ", container " + container
                    + ") in " + connection.where() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A step container's log as a stream. A plain GET of the pod's {@code log} subresource through the client's
     * HTTP client (with its authentication and timeouts): fabric8's {@code getLog()} first starts a watch on the pod
     * to wait for it to be ready, which a step that has ended does not need and which outlives the call. A log the
     * API server does not give is a {@link ClusterException} that says why in glci's words: the pod is gone (404),
     * the container has not started or is gone (400), with the API server's own message.
     */
    InputStream logStream(String step, String pod, String container, int tailLines) {
        String doing = "reading the log of " + step + " (pod " + pod + ", container " + container + ")";
        String path = "api/v1/namespaces/" + encode(connection.namespace()) + "/pods/" + encode(pod) + "/log?container="
                + encode(container) + (tailLines > 0 ? "&tailLines=" + tailLines : "");
        HttpClient http = connection.client().getHttpClient();
        HttpResponse<InputStream> response;
        try {
            URL url = new URL(connection.client().getMasterUrl(), path);
            response = http.sendAsync(http.newHttpRequestBuilder().url(url).build(), InputStream.class)
                    .get(LOG_RESPONSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException(doing + ": interrupted", e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new ClusterException(doing + " in " + connection.where() + " failed: " + cause.getMessage(), cause);
        }
        if (!response.isSuccessful()) {
            String body;
            try (InputStream in = response.body()) {
                body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                body = "";
            }
            throw logRefused(step, pod, container, doing, response.code(), body);
        }
        return response.body();
    }

    /** Why the API server gave no log, from its Status answer (the raw body only when it sent no Status). */
    private ClusterException logRefused(String step, String pod, String container, String doing, int code,
            String body) {
        Status status = status(body);
        String said = status != null && status.getMessage() != null ? status.getMessage()
                : body.length() > 300 ? body.substring(0, 300) + "…" : body;
        String http = "(HTTP " + code + (said.isEmpty() ? "" : ": " + said) + ")";
        KubernetesClientException cause = status != null ? new KubernetesClientException(status)
                : new KubernetesClientException(said, code, null);
        switch (code) {
            case 404:
                return new ClusterException("no log of " + step + ": its pod " + pod + " is gone (deleted, e.g. with"
                        + " its PipelineRun or by the cluster's clean-up) " + http, cause);
            case 400:
                return new ClusterException("no log of " + step + ": its container " + container + " in pod " + pod
                        + " has not started or is gone " + http, cause);
            default:
                return ClusterException.of(cause, doing, connection.where());
        }
    }

    private Status status(String body) {
        if (!body.startsWith("{")) {
            return null;
        }
        try {
            Status status = connection.client().getKubernetesSerialization().unmarshal(body, Status.class);
            return status != null && "Status".equals(status.getKind()) ? status : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Whether the API server answered "not found" (e.g. a pod already deleted). */
    static boolean notFound(ClusterException e) {
        return e.getCause() instanceof KubernetesClientException k && k.getCode() == 404;
    }
}
