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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A small Tekton controller for tests against fabric8's mock API server: when a PipelineRun is created it runs the
 * planned tasks one after another, each as a TaskRun (labelled as Tekton labels them) with a pod, moving them
 * through Running to Succeeded or Failed, and the run to Succeeded, Failed or, when its {@code spec.status} is set
 * to the value of its API version, Cancelled. Step logs are served through the mock server's expectations, at the
 * paths fabric8 reads them from. The run's status lists its TaskRuns as its API version does: {@code v1}
 * {@code childReferences}, {@code v1beta1} {@code status.taskRuns} with embedded statuses.
 *
 * <p>As Tekton v1 does, a {@code v1} run that is cancelled or times out is marked done before its TaskRuns: they stay
 * running until {@link #catchUp()} (or {@link #close()}). The controller waits for events (the watch on the runs,
 * {@link #release()}, {@link #timeOut()}), not for time. A failure of the controller itself is thrown by
 * {@link #close()}, so that the test fails; what happens after {@code close()} is ignored.
 */
public final class SimulatedTekton implements AutoCloseable {

    /** How long the controller waits at most for something a test would otherwise hang on. */
    private static final long PATIENCE_SECONDS = 120;

    /**
     * A step: its name, exit code and log, and the HTTP code its log is served with: 200, or 404 (the pod is gone,
     * as after pruning) or 400 (the container has not started), with the API server's Status body.
     */
    record Step(String name, int exitCode, String log, int logCode) {

        Step(String name, int exitCode, String log) {
            this(name, exitCode, log, 200);
        }

        /** A step whose log cannot be read any more: the API server answers 404, pod not found. */
        static Step podGone(String name, int exitCode) {
            return new Step(name, exitCode, "", 404);
        }

        /** A step whose container never started: the API server answers 400, waiting to start. */
        static Step notStarted(String name, int exitCode) {
            return new Step(name, exitCode, "", 400);
        }
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
    /** Guards the waits of held tasks: notified on release, time-out, a run's cancel request and close. */
    private final Object signals = new Object();
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile boolean timedOut;
    private volatile boolean closed;
    private final Set<String> cancelSeen = ConcurrentHashMap.newKeySet();
    private final CountDownLatch taskRunsCatchUp = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile List<Task> plan = List.of();
    private final Map<String, Long> finishedAt = new ConcurrentHashMap<>();
    private Watch watch;

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
                            String name = run.getMetadata().getName();
                            if (action == Action.ADDED) {
                                List<Task> tasks1 = plan;
                                executor.submit(() -> execute(name, tasks1));
                            } else if (action == Action.MODIFIED && cancelRequested(run)) {
                                cancelSeen.add(name);
                                signal();
                            }
                        }

                        @Override
                        public void onClose(WatcherException cause) {
                            if (!closed) {
                                failure.compareAndSet(null, cause);
                            }
                        }
                    });
        }
        return this;
    }

    /** Lets held tasks end. */
    void release() {
        released.countDown();
        signal();
    }

    /** Holds the held tasks of runs started from now on again. */
    void hold() {
        released = new CountDownLatch(1);
    }

    /** Ends the held tasks as a run's timeout does: the run fails with PipelineRunTimeout, its TaskRuns cancelled. */
    void timeOut() {
        timedOut = true;
        signal();
    }

    /** Lets the TaskRuns of a cancelled or timed-out {@code v1} run be marked as cancelled. */
    void catchUp() {
        taskRunsCatchUp.countDown();
    }

    private void signal() {
        synchronized (signals) {
            signals.notifyAll();
        }
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
                if (outcome.equals("Failed")) {
                    finish(run, condition("False", "Failed", "Tasks Completed: " + done + " (Failed: 1, Cancelled 0),"
                            + " Skipped: " + (tasks.size() - done)));
                    return;
                }
                if (!outcome.equals("Succeeded")) {
                    return;
                }
            }
            finish(run, condition("True", "Succeeded", "Tasks Completed: " + done + " (Failed: 0, Cancelled 0),"
                    + " Skipped: 0"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            if (!closed) {
                failure.compareAndSet(null, e);
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
            String whole = step.log();
            if (step.logCode() == 404) {
                whole = status(404, "NotFound", "pods \"" + pod + "\" not found");
                tail = whole;
            } else if (step.logCode() == 400) {
                whole = status(400, "BadRequest", "container \"step-" + step.name() + "\" in pod \"" + pod
                        + "\" is waiting to start: PodInitializing");
                tail = whole;
            }
            // runs execute in parallel; the mock server's expectations are not made for concurrent additions
            synchronized (server) {
                server.expect().get().withPath(base).andReturn(step.logCode(), whole).always();
                server.expect().get().withPath(base + "&tailLines=100").andReturn(step.logCode(), tail).always();
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
            awaitRelease(run, released);
        }
        Map<String, Object> ended;
        boolean cancelled = cancelSeen.contains(run) || cancelRequested(run);
        if (cancelled || timedOut) {
            String why = cancelled ? "been cancelled" : "timed out";
            ended = taskStatus(pod, task, 137, condition("False", "TaskRunCancelled",
                    "TaskRun \"" + taskRun + "\" was cancelled. TaskRun cancelled as the PipelineRun it belongs to"
                            + " has " + why + "."));
            Map<String, Object> runEnd = cancelled
                    ? condition("False", api == TektonApi.V1 ? "Cancelled" : "PipelineRunCancelled",
                            "PipelineRun \"" + run + "\" was cancelled")
                    : condition("False", "PipelineRunTimeout", "PipelineRun \"" + run
                            + "\" failed to finish within \"1h0m0s\"");
            if (api == TektonApi.V1) {
                // Tekton v1 marks the run done first and cancels its TaskRuns afterwards
                finish(run, runEnd);
                if (!taskRunsCatchUp.await(PATIENCE_SECONDS, TimeUnit.SECONDS) || closed) {
                    return "Ended";
                }
                ended.put("completionTime", now());
                taskRunStatus(taskRun, ended);
            } else {
                ended.put("completionTime", now());
                taskRunStatus(taskRun, ended);
                runStatus(run, status -> withChild(status, taskRun, task.name(), ended));
                finish(run, runEnd);
            }
            return "Ended";
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

    /**
     * Waits until held tasks are released, the run's cancellation was seen on the watch, the runs time out or the
     * controller closes; every few seconds it reads the run itself in case a watch event went astray.
     */
    private void awaitRelease(String run, CountDownLatch gate) throws InterruptedException {
        while (true) {
            synchronized (signals) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                    if (gate.getCount() == 0 || cancelSeen.contains(run) || timedOut || closed) {
                        return;
                    }
                    TimeUnit.NANOSECONDS.timedWait(signals, left);
                }
            }
            if (cancelRequested(run)) {
                cancelSeen.add(run);
            }
        }
    }

    /** Whether {@code spec.status} holds the cancel value of this API version (another value is rejected). */
    private boolean cancelRequested(String run) {
        GenericKubernetesResource current = client.genericKubernetesResources(api.pipelineRuns())
                .inNamespace(namespace).withName(run).get();
        return current != null && cancelRequested(current);
    }

    private boolean cancelRequested(GenericKubernetesResource run) {
        Object spec = run.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> m && api.cancelledStatus().equals(m.get("status"));
    }

    /** The API server's answer to a failed request, as it sends it. */
    private static String status(int code, String reason, String message) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\""
                + message.replace("\"", "\\\"") + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
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

    /**
     * Waits until the mock API server answers again. fabric8's mock server (8.0.0) handles a watch that its client
     * closes on its one event loop thread and there waits for the watch's sender thread to stop; when that thread
     * is still writing an event, or closing, through the same event loop, the server stands still until a timeout
     * inside it (up to 30 s, seen on loaded machines). A test that then shuts the server down fails ("Unable to close
     * MockWebServer", after 10 s): this request, with the tests' patient client, returns once the stall is over.
     */
    private void settle() {
        try {
            client.namespaces().withName(namespace).get();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /**
     * Stops the controller: its threads are interrupted and waited for. Throws when the controller failed before,
     * so that the test that drove it fails too.
     */
    @Override
    public void close() {
        closed = true;
        signal();
        taskRunsCatchUp.countDown();
        if (watch != null) {
            watch.close();
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                failure.compareAndSet(null, new IllegalStateException("the simulated Tekton controller did not stop"
                        + " within " + PATIENCE_SECONDS + " s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        settle();
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the simulated Tekton controller failed: " + failed, failed);
        }
    }
}
