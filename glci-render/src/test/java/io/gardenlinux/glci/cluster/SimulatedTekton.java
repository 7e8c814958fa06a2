package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A small Tekton controller for tests against fabric8's mock API server: when a PipelineRun is created it runs the
 * planned tasks one after another, each as a TaskRun (labelled as Tekton labels them) with a pod, moving them
 * through Running to Succeeded or Failed, and the run to Succeeded, Failed or, when its {@code spec.status} is set
 * to the value of its API version, Cancelled. Step logs are served through the mock server's expectations, at the
 * paths fabric8 reads them from. The run's status lists its TaskRuns as its API version does: {@code v1}
 * {@code childReferences}, {@code v1beta1} {@code status.taskRuns} with embedded statuses.
 */
public final class SimulatedTekton implements AutoCloseable {

    /** A step: its name, exit code and log. */
    record Step(String name, int exitCode, String log) {
    }

    /** A task of the plan; a held task stays running until {@link #release()} or cancellation. */
    record Task(String name, boolean hold, List<Step> steps) {

        static Task of(String name, Step... steps) {
            return new Task(name, false, Arrays.asList(steps));
        }

        Task held() {
            return new Task(name, true, steps);
        }

        boolean fails() {
            return steps.stream().anyMatch(s -> s.exitCode() != 0);
        }
    }

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final TektonApi api;
    private final String namespace;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile List<Task> plan = List.of();
    private final Map<String, Long> finishedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private Watch watch;
    private volatile boolean closed;

    SimulatedTekton(KubernetesMockServer server, KubernetesClient client, TektonApi api, String namespace) {
        this.server = server;
        this.client = client;
        this.api = api;
        this.namespace = namespace;
    }

    /** Sets the tasks every run created from now on executes, and starts watching for runs. */
    SimulatedTekton plan(Task... tasks) {
        this.plan = List.of(tasks);
        if (watch == null) {
            watch = client.genericKubernetesResources(api.pipelineRuns()).inNamespace(namespace)
                    .watch(new Watcher<>() {
                        @Override
                        public void eventReceived(Action action, GenericKubernetesResource run) {
                            if (action == Action.ADDED) {
                                List<Task> tasks1 = plan;
                                executor.submit(() -> execute(run.getMetadata().getName(), tasks1));
                            }
                        }

                        @Override
                        public void onClose(WatcherException cause) {
                        }
                    });
        }
        return this;
    }

    /** Lets held tasks end. */
    void release() {
        released.countDown();
    }

    /** Holds the held tasks of runs started from now on again. */
    void hold() {
        released = new CountDownLatch(1);
    }

    private void execute(String run, List<Task> tasks) {
        try {
            runStatus(run, status -> {
                status.put("startTime", now());
                status.put("conditions", List.of(condition("Unknown", "Running", "Tasks Completed: 0")));
                return status;
            });
            int done = 0;
            for (Task task : tasks) {
                String outcome = executeTask(run, task);
                done++;
                if (outcome.equals("Cancelled")) {
                    String reason = api == TektonApi.V1 ? "Cancelled" : "PipelineRunCancelled";
                    finish(run, condition("False", reason, "PipelineRun \"" + run + "\" was cancelled"));
                    return;
                }
                if (outcome.equals("Failed")) {
                    finish(run, condition("False", "Failed", "Tasks Completed: " + done + " (Failed: 1, Cancelled 0),"
                            + " Skipped: " + (tasks.size() - done)));
                    return;
                }
            }
            finish(run, condition("True", "Succeeded", "Tasks Completed: " + done + " (Failed: 0, Cancelled 0),"
                    + " Skipped: 0"));
        } catch (RuntimeException | InterruptedException e) {
            // a run still going when the test closes the controller is interrupted: nothing to tell
            if (!closed) {
                e.printStackTrace();
            }
        }
    }

    private String executeTask(String run, Task task) throws InterruptedException {
        String taskRun = run + "-" + task.name();
        String pod = taskRun + "-pod";
        client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(pod)
                .addToLabels(TektonRuns.PIPELINE_RUN_LABEL, run).endMetadata().build()).create();
        for (Step step : task.steps()) {
            String base = "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?container=step-" + step.name();
            String[] lines = step.log().split("\n");
            String tail = String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - 100),
                    lines.length)) + "\n";
            // runs execute in parallel; the mock server's expectations are not made for concurrent additions
            synchronized (server) {
                server.expect().get().withPath(base).andReturn(200, step.log()).always();
                server.expect().get().withPath(base + "&tailLines=100").andReturn(200, tail).always();
            }
        }
        GenericKubernetesResource created = new GenericKubernetesResource();
        created.setApiVersion(api.apiVersion());
        created.setKind("TaskRun");
        created.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(taskRun)
                .withNamespace(namespace)
                .addToLabels(TektonRuns.PIPELINE_RUN_LABEL, run)
                .addToLabels(TektonRuns.PIPELINE_TASK_LABEL, task.name()).build());
        created.setAdditionalProperty("spec", Map.of("taskRef", Map.of("name", task.name())));
        client.genericKubernetesResources(api.taskRuns()).inNamespace(namespace).resource(created).create();
        Map<String, Object> running = taskStatus(pod, task, null, condition("Unknown", "Running", "Not all Steps"
                + " in the Task have finished executing"));
        taskRunStatus(taskRun, running);
        runStatus(run, status -> withChild(status, taskRun, task.name(), running));

        String outcome;
        if (task.hold()) {
            while (!released.await(50, TimeUnit.MILLISECONDS)) {
                if (cancelRequested(run)) {
                    break;
                }
            }
        }
        Map<String, Object> ended;
        if (cancelRequested(run)) {
            outcome = "Cancelled";
            ended = taskStatus(pod, task, 137, condition("False", "TaskRunCancelled",
                    "TaskRun \"" + taskRun + "\" was cancelled"));
        } else if (task.fails()) {
            outcome = "Failed";
            Step failed = task.steps().stream().filter(s -> s.exitCode() != 0).findFirst().orElseThrow();
            ended = taskStatus(pod, task, -1, condition("False", "Failed", "\"step-" + failed.name()
                    + "\" exited with code " + failed.exitCode()));
        } else {
            outcome = "Succeeded";
            ended = taskStatus(pod, task, -1, condition("True", "Succeeded", "All Steps have completed executing"));
        }
        ended.put("completionTime", now());
        taskRunStatus(taskRun, ended);
        runStatus(run, status -> withChild(status, taskRun, task.name(), ended));
        return outcome;
    }

    /** Whether {@code spec.status} holds the cancel value of this API version (another value is rejected). */
    private boolean cancelRequested(String run) {
        GenericKubernetesResource current = client.genericKubernetesResources(api.pipelineRuns())
                .inNamespace(namespace).withName(run).get();
        Object spec = current.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> m && api.cancelledStatus().equals(m.get("status"));
    }

    /** exitCode: null = steps running; -1 = each step's planned code; else every step that code. */
    private Map<String, Object> taskStatus(String pod, Task task, Integer exitCode, Map<String, Object> condition) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("podName", pod);
        status.put("startTime", now());
        status.put("conditions", List.of(condition));
        List<Object> steps = new ArrayList<>();
        for (Step step : task.steps()) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("name", step.name());
            state.put("container", "step-" + step.name());
            if (exitCode == null) {
                state.put("running", Map.of("startedAt", now()));
            } else {
                int code = exitCode == -1 ? step.exitCode() : exitCode;
                state.put("terminated", Map.of("exitCode", code, "reason", code == 0 ? "Completed" : "Error"));
            }
            steps.add(state);
        }
        status.put("steps", steps);
        return status;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> withChild(Map<String, Object> status, String taskRun, String task,
            Map<String, Object> taskStatus) {
        if (api == TektonApi.V1) {
            List<Object> children = new ArrayList<>((List<Object>) status.getOrDefault("childReferences", List.of()));
            Map<String, Object> child = Map.of("apiVersion", api.apiVersion(), "kind", "TaskRun", "name", taskRun,
                    "pipelineTaskName", task);
            if (!children.contains(child)) {
                children.add(child);
            }
            status.put("childReferences", children);
        } else {
            Map<String, Object> taskRuns = new LinkedHashMap<>((Map<String, Object>) status.getOrDefault("taskRuns",
                    Map.of()));
            taskRuns.put(taskRun, Map.of("pipelineTaskName", task, "status", taskStatus));
            status.put("taskRuns", taskRuns);
        }
        return status;
    }

    private void finish(String run, Map<String, Object> condition) {
        runStatus(run, status -> {
            status.put("completionTime", now());
            status.put("conditions", List.of(condition));
            return status;
        });
        finishedAt.put(run, System.nanoTime());
    }

    /** When the API server answered the update that ended the run ({@link System#nanoTime()}), for benchmarks. */
    Long finishedAt(String run) {
        return finishedAt.get(run);
    }

    @SuppressWarnings("unchecked")
    private synchronized void runStatus(String run, UnaryOperator<Map<String, Object>> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.genericKubernetesResources(api.pipelineRuns()).inNamespace(namespace).withName(run).edit(r -> {
                    Map<String, Object> status = new LinkedHashMap<>((Map<String, Object>) r
                            .getAdditionalProperties().getOrDefault("status", Map.of()));
                    r.setAdditionalProperty("status", change.apply(status));
                    return r;
                });
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                // someone else (glci:cancel) changed the run meanwhile: read it again, as a controller does
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private void taskRunStatus(String taskRun, Map<String, Object> status) {
        client.genericKubernetesResources(api.taskRuns()).inNamespace(namespace).withName(taskRun).edit(r -> {
            r.setAdditionalProperty("status", status);
            return r;
        });
    }

    private static Map<String, Object> condition(String status, String reason, String message) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", "Succeeded");
        condition.put("status", status);
        condition.put("reason", reason);
        condition.put("message", message);
        condition.put("lastTransitionTime", now());
        return condition;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A PipelineRun as glci would start it. */
    static GenericKubernetesResource pipelineRun(TektonApi api, String name, String pipeline) {
        GenericKubernetesResource run = new GenericKubernetesResource();
        run.setApiVersion(api.apiVersion());
        run.setKind("PipelineRun");
        run.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).build());
        run.setAdditionalProperty("spec", Map.of("pipelineRef", Map.of("name", pipeline)));
        return run;
    }

    @Override
    public void close() {
        closed = true;
        release();
        if (watch != null) {
            watch.close();
        }
        executor.shutdownNow();
    }
}
