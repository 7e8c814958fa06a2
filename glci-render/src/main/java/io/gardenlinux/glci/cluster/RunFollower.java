package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.settings.GoDuration;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.gardenlinux.glci.cluster.TektonRuns.ChildTaskRun;
import io.gardenlinux.glci.cluster.TektonStatus.Condition;
import io.gardenlinux.glci.cluster.TektonStatus.StepState;
import io.gardenlinux.glci.model.Reporter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows a PipelineRun to its end with watches, not polling: a line when each task starts and ends, the logs of
 * failed steps (of all steps on request) prefixed {@code [task/step]}, and at the end either the run's success or a
 * {@link RunFailedException} that names each failed task with its reason and message.
 *
 * <p>A watch that the API server closes (for multi-hour runs it will: "too old resource version", a restarted
 * API server, a dropped connection fabric8 gave up on) is replaced: glci lists the run and its TaskRuns again and
 * watches anew, reporting nothing twice.
 */
public final class RunFollower {

    /** Time granted beyond the run's own timeout for Tekton to mark it timed out before glci gives up. */
    private static final Duration TEKTON_GRACE = Duration.ofMinutes(5);

    private final ClusterConnection connection;
    private final Reporter reporter;
    private final TektonRuns runs;
    private final Ticker ticker;

    public RunFollower(ClusterConnection connection, Reporter reporter) {
        this(connection, reporter, Ticker.SYSTEM);
    }

    /** A follower that goes by the given time, for tests that move it. */
    RunFollower(ClusterConnection connection, Reporter reporter, Ticker ticker) {
        this.connection = connection;
        this.reporter = reporter;
        this.runs = new TektonRuns(connection);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * The time a follower goes by, and its waiting for the next event of its watches: the system clock in production,
     * a clock that a test moves in tests (so that a test sees the line of a five-minute wait without waiting).
     */
    interface Ticker {

        Ticker SYSTEM = new Ticker() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public <T> T poll(BlockingQueue<T> queue, Instant until) throws InterruptedException {
                return queue.poll(Math.max(1, Duration.between(Instant.now(), until).toMillis()),
                        TimeUnit.MILLISECONDS);
            }
        };

        Instant now();

        /** The queue's next element, or null when this ticker's time reached {@code until} without one. */
        <T> T poll(BlockingQueue<T> queue, Instant until) throws InterruptedException;
    }

    /** What one {@link #follow} knows: when it started, what it reported, when to say it is still going. */
    private static final class Progress {
        final String runName;
        final Instant started;
        final Map<String, RunState> reported = new HashMap<>();
        final Map<String, String> pipelineTasks = new HashMap<>();
        Instant deadline;
        Instant nextHeartbeat;

        Progress(String runName, Instant started, Duration heartbeat) {
            this.runName = runName;
            this.started = started;
            this.nextHeartbeat = started.plus(heartbeat);
        }
    }

    /** What a watch told. */
    private sealed interface Event {
    }

    private record RunChanged(Watcher.Action action, GenericKubernetesResource run) implements Event {
    }

    private record TaskRunChanged(GenericKubernetesResource taskRun) implements Event {
    }

    private record WatchClosed(String cause) implements Event {
    }

    /**
     * Follows the run until it ends. Returns normally when it succeeded; throws {@link RunFailedException} when it
     * failed, was cancelled, was deleted or did not end within the timeout.
     */
    public void follow(String runName, FollowOptions options) {
        Progress progress = new Progress(runName, ticker.now(), options.heartbeat());
        boolean firstWatch = true;
        reporter.info("Following PipelineRun " + runName + " in " + connection.where());
        while (true) {
            BlockingQueue<Event> events = new LinkedBlockingQueue<>();
            Watch runWatch = null;
            Watch taskWatch = null;
            try {
                // watch first, then list: a change between the two is seen twice, never missed
                runWatch = connection.call("watching PipelineRun " + runName,
                        () -> runs.runs().withName(runName).watch(watcher(events, true)));
                taskWatch = connection.call("watching the TaskRuns of PipelineRun " + runName,
                        () -> runs.taskRuns().withLabel(TektonRuns.PIPELINE_RUN_LABEL, runName)
                                .watch(watcher(events, false)));
                GenericKubernetesResource run = runs.run(runName);
                if (firstWatch) {
                    progress.deadline = deadline(run, options, progress.started);
                    firstWatch = false;
                }
                for (GenericKubernetesResource taskRun : runs.labelledTaskRuns(runName)) {
                    onTaskRun(taskRun, progress, options);
                }
                if (RunState.of(TektonStatus.pipelineRun(run).conditions()).done()) {
                    conclude(run, progress, options);
                    return;
                }
                Optional<GenericKubernetesResource> ended = await(events, progress, options);
                if (ended.isPresent()) {
                    conclude(ended.get(), progress, options);
                    return;
                }
            } finally {
                close(taskWatch);
                close(runWatch);
            }
        }
    }

    /** Handles events until the run ends (its last state) or a watch closes (empty). */
    private Optional<GenericKubernetesResource> await(BlockingQueue<Event> events, Progress progress,
            FollowOptions options) {
        String runName = progress.runName;
        while (true) {
            Instant now = ticker.now();
            if (progress.deadline != null && !now.isBefore(progress.deadline)) {
                throw timedOut(progress, options);
            }
            if (!now.isBefore(progress.nextHeartbeat)) {
                heartbeat(progress, now);
                while (!now.isBefore(progress.nextHeartbeat)) {
                    progress.nextHeartbeat = progress.nextHeartbeat.plus(options.heartbeat());
                }
            }
            Instant wakeUp = progress.deadline != null && progress.deadline.isBefore(progress.nextHeartbeat)
                    ? progress.deadline : progress.nextHeartbeat;
            Event event;
            try {
                event = ticker.poll(events, wakeUp);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("interrupted while following PipelineRun " + runName, e);
            }
            if (event == null) {
                continue;
            }
            if (event instanceof WatchClosed closed) {
                reporter.warn("The watch on PipelineRun " + runName + " closed (" + closed.cause()
                        + "); listing it again and watching anew");
                return Optional.empty();
            }
            if (event instanceof TaskRunChanged changed) {
                onTaskRun(changed.taskRun(), progress, options);
                continue;
            }
            RunChanged changed = (RunChanged) event;
            if (changed.action() == Watcher.Action.DELETED) {
                throw new RunFailedException("PipelineRun " + runName + " was deleted while glci followed it",
                        runName, RunState.CANCELLED, List.of());
            }
            if (RunState.of(TektonStatus.pipelineRun(changed.run()).conditions()).done()) {
                return Optional.of(changed.run());
            }
        }
    }

    /** The line of a long wait: how long it has been and which tasks are running. */
    private void heartbeat(Progress progress, Instant now) {
        List<String> running = progress.reported.entrySet().stream().filter(e -> !e.getValue().done())
                .map(e -> progress.pipelineTasks.get(e.getKey())).sorted().toList();
        long done = progress.reported.values().stream().filter(RunState::done).count();
        reporter.info("PipelineRun " + progress.runName + " still running after "
                + GoDuration.format(Duration.between(progress.started, now)) + ": "
                + (running.isEmpty() ? "no task running" : "running " + String.join(", ", running)) + "; " + done
                + " task(s) done");
    }

    private Watcher<GenericKubernetesResource> watcher(BlockingQueue<Event> events, boolean run) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource resource) {
                if (action == Action.ERROR || action == Action.BOOKMARK) {
                    return;
                }
                events.add(run ? new RunChanged(action, resource) : new TaskRunChanged(resource));
            }

            @Override
            public void onClose(WatcherException cause) {
                events.add(new WatchClosed(cause.isHttpGone() ? "the API server's history moved on (HTTP 410)"
                        : String.valueOf(cause.getMessage())));
            }

            @Override
            public void onClose() {
                // closed by glci itself
            }
        };
    }

    /** Reports a TaskRun's start and end once each; at its end, the logs of its failed (or all) steps. */
    private void onTaskRun(GenericKubernetesResource taskRun, Progress progress, FollowOptions options) {
        ChildTaskRun child = TektonRuns.child(taskRun);
        RunState state = child.state();
        RunState before = progress.reported.get(child.name());
        if (state == RunState.PENDING || (before != null && before.done())) {
            return;
        }
        if (before == null) {
            reporter.info("Task " + child.pipelineTask() + " started (TaskRun " + child.name() + ")");
        }
        progress.reported.put(child.name(), state);
        progress.pipelineTasks.put(child.name(), child.pipelineTask());
        if (!state.done()) {
            return;
        }
        String took = duration(child.status().startTime(), child.status().completionTime())
                .map(d -> " after " + GoDuration.format(d)).orElse("");
        if (state == RunState.SUCCEEDED) {
            reporter.info("Task " + child.pipelineTask() + " succeeded" + took);
        } else {
            reporter.warn("Task " + child.pipelineTask() + " " + state.name().toLowerCase(Locale.ROOT) + took + ": "
                    + describe(TektonStatus.succeeded(child.status().conditions())));
        }
        showLogs(child, state, options);
    }

    private void showLogs(ChildTaskRun child, RunState state, FollowOptions options) {
        String pod = child.status().podName();
        if (pod == null || pod.isBlank()) {
            return;
        }
        for (StepState step : child.status().steps()) {
            boolean failedStep = step.failed();
            if (!options.allLogs() && !failedStep) {
                continue;
            }
            String prefix = "[" + child.pipelineTask() + "/" + step.name() + "] ";
            String log;
            try {
                log = runs.log("step " + step.name() + " of task " + child.pipelineTask(), pod, step.containerName(),
                        options.allLogs() ? 0 : options.tailLines());
            } catch (ClusterException e) {
                reporter.warn(prefix + e.getMessage());
                continue;
            }
            if (failedStep && !options.allLogs()) {
                reporter.warn(prefix + "last " + options.tailLines() + " lines of the log (all logs with "
                        + GlciSettings.LOGS.mention() + "):");
            }
            for (String line : log.split("\\R", -1)) {
                if (!line.isEmpty()) {
                    if (failedStep) {
                        reporter.warn(prefix + line);
                    } else {
                        reporter.info(prefix + line);
                    }
                }
            }
        }
        if (state != RunState.SUCCEEDED && child.status().steps().stream().noneMatch(StepState::failed)) {
            reporter.debug("TaskRun " + child.name() + " ended " + state + " without a failed step");
        }
    }

    /**
     * The run has ended: report every TaskRun not yet reported, then pass or fail. A task that had not ended when
     * the run did (Tekton v1 marks a cancelled or timed-out run done before its TaskRuns) is named as running then,
     * from its last known state.
     */
    private void conclude(GenericKubernetesResource run, Progress progress, FollowOptions options) {
        String name = run.getMetadata().getName();
        for (GenericKubernetesResource taskRun : runs.labelledTaskRuns(name)) {
            onTaskRun(taskRun, progress, options);
        }
        List<Condition> conditions = TektonStatus.pipelineRun(run).conditions();
        RunState state = RunState.of(conditions);
        String took = GoDuration.format(Duration.between(progress.started, ticker.now()));
        if (state == RunState.SUCCEEDED) {
            reporter.info("PipelineRun " + name + " succeeded (followed for " + took + ")");
            return;
        }
        List<RunFailedException.FailedTask> failed = new ArrayList<>();
        List<RunFailedException.FailedTask> unfinished = new ArrayList<>();
        for (ChildTaskRun child : runs.children(run)) {
            RunState taskState = child.state();
            if (taskState == RunState.FAILED || taskState == RunState.CANCELLED) {
                failed.add(new RunFailedException.FailedTask(child.pipelineTask(),
                        describe(TektonStatus.succeeded(child.status().conditions()))));
            } else if (taskState == RunState.RUNNING
                    || progress.reported.getOrDefault(child.name(), RunState.PENDING) == RunState.RUNNING) {
                unfinished.add(new RunFailedException.FailedTask(child.pipelineTask(),
                        "still running when the PipelineRun ended"));
            }
        }
        StringBuilder message = new StringBuilder("PipelineRun " + name + " "
                + state.name().toLowerCase(Locale.ROOT) + ": " + describe(TektonStatus.succeeded(conditions)));
        if (!failed.isEmpty()) {
            message.append("; failed tasks: ")
                    .append(String.join("; ", failed.stream().map(RunFailedException.FailedTask::toString).toList()));
        }
        if (!unfinished.isEmpty()) {
            message.append("; ").append(unfinished.size() == 1 ? "task " : "tasks ")
                    .append(String.join(", ", unfinished.stream().map(RunFailedException.FailedTask::pipelineTask)
                            .toList()))
                    .append(" still running when it ended");
        }
        failed.addAll(unfinished);
        throw new RunFailedException(message.toString(), name, state, failed);
    }

    private RunFailedException timedOut(Progress progress, FollowOptions options) {
        String runName = progress.runName;
        String limit = options.timeout().map(t -> GoDuration.format(t) + " (" + GlciSettings.TIMEOUT.mention() + ")")
                .orElse("the run's own timeout");
        List<String> running = progress.reported.entrySet().stream().filter(e -> !e.getValue().done())
                .map(e -> progress.pipelineTasks.get(e.getKey())).sorted().toList();
        return new RunFailedException("PipelineRun " + runName + " did not finish within " + limit + "; followed for "
                + GoDuration.format(Duration.between(progress.started, progress.deadline))
                + (running.isEmpty() ? "" : "; running then: " + String.join(", ", running))
                + ". It may still be running: cancel it with " + GlciSettings.goal("cancel") + " "
                + GlciSettings.RUN.mention(runName), runName, RunState.RUNNING, List.of());
    }

    /**
     * When to give up: {@code glci.timeout} from now, else the run's own timeout ({@code spec.timeouts.pipeline} in
     * v1, {@code spec.timeout} in v1beta1) from its creation plus a grace for Tekton to say so itself; none when the
     * run has no limit.
     */
    private Instant deadline(GenericKubernetesResource run, FollowOptions options, Instant started) {
        if (options.timeout().isPresent()) {
            return options.timeout().get().isZero() ? null : started.plus(options.timeout().get());
        }
        Optional<String> own = runTimeout(run);
        if (own.isEmpty()) {
            return null;
        }
        Duration limit = GoDuration.parse(own.get(), "timeout of PipelineRun " + run.getMetadata().getName());
        if (limit.isZero()) {
            return null;
        }
        Instant created = parseTime(run.getMetadata().getCreationTimestamp()).orElse(started);
        return created.plus(limit).plus(TEKTON_GRACE);
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> runTimeout(GenericKubernetesResource run) {
        Object spec = run.getAdditionalProperties().get("spec");
        if (!(spec instanceof Map<?, ?> specMap)) {
            return Optional.empty();
        }
        Object timeouts = specMap.get("timeouts");
        if (timeouts instanceof Map<?, ?> t && t.get("pipeline") != null) {
            return Optional.of(String.valueOf(((Map<String, Object>) t).get("pipeline")));
        }
        return Optional.ofNullable(specMap.get("timeout")).map(String::valueOf);
    }

    private static Optional<Duration> duration(String from, String to) {
        Optional<Instant> start = parseTime(from);
        Optional<Instant> end = parseTime(to);
        return start.isPresent() && end.isPresent() ? Optional.of(Duration.between(start.get(), end.get()))
                : Optional.empty();
    }

    private static Optional<Instant> parseTime(String time) {
        if (time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String describe(Optional<Condition> condition) {
        if (condition.isEmpty()) {
            return "no status";
        }
        Condition c = condition.get();
        String reason = c.reason() == null ? c.status() : c.reason();
        return c.message() == null || c.message().isBlank() ? reason : reason + ": " + c.message();
    }

    private static void close(Watch watch) {
        if (watch != null) {
            watch.close();
        }
    }
}
