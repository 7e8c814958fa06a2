package io.gardenlinux.glci.render.tekton;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks rendered objects against the rules Tekton's admission webhook applies (names, uniqueness, taskRefs,
 * runAfter targets and cycles, declared and well-formed parameters, finally rules, status, context and result
 * variables, timeouts, results, steps and volumes), and against what Tekton only finds when a run starts: every
 * taskRef and pipelineRef names a rendered object, every parameter passed is declared, every required parameter is
 * supplied. An object larger than the Kubernetes API stores is refused. Workspaces, {@code when} and matrix are not
 * part of glci's typed objects, so their rules cannot be broken.
 *
 * <p>Each problem names the document ({@link Problem#source()}), the task or step and the field
 * ({@link Problem#location()}).
 */
public final class TektonValidator {

    /** etcd's default request limit: the largest object the Kubernetes API stores. */
    public static final int MAX_OBJECT_BYTES = 1_572_864;

    static final int MAX_NAME_LENGTH = 63;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern PARAM_NAME = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9.-]*");
    private static final Pattern RESULT_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([^)]*)\\)");
    private static final Pattern PARAM_REF = Pattern.compile("params\\.([^.\\[\\]]+)");
    private static final Pattern TASK_STATUS = Pattern.compile("tasks\\.([^.]+)\\.status");
    private static final Pattern TASK_RESULT = Pattern.compile("tasks\\.([^.]+)\\.results\\.([^.]+)");
    private static final Pattern OWN_RESULT_PATH = Pattern.compile("results\\.([^.]+)\\.path");
    private static final Set<String> CONTEXT_VARIABLES = Set.of("context.pipelineRun.name",
            "context.pipelineRun.namespace", "context.pipelineRun.uid", "context.pipeline.name");
    private static final Set<String> TASK_CONTEXT_VARIABLES = Set.of("context.taskRun.name",
            "context.taskRun.namespace", "context.taskRun.uid", "context.task.name", "context.task.retry-count");

    private final TektonApi api;
    private final List<Problem> problems = new ArrayList<>();

    private TektonValidator(TektonApi api) {
        this.api = api;
    }

    /** Every problem of {@code objects} rendered for {@code api}; empty when they are valid. */
    public static List<Problem> problems(TektonObjects objects, TektonApi api) {
        TektonValidator validator = new TektonValidator(api);
        validator.validate(objects);
        return List.copyOf(validator.problems);
    }

    /** Throws an {@link InvalidInputException} listing every problem of {@code objects}. */
    public static void check(TektonObjects objects, TektonApi api) {
        List<Problem> found = problems(objects, api);
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }

    private void validate(TektonObjects objects) {
        Set<String> seen = new HashSet<>();
        objects.documents().forEach(d -> {
            if (!seen.add(d.kind() + "/" + d.name())) {
                problem(d, "metadata.name", "more than one " + d.kind() + " is named '" + d.name() + "'");
            }
            checkName(d, "metadata.name", d.name(), "resource name");
            checkSize(d);
        });
        Map<String, Task> tasks = index(objects.tasks(), Task::name);
        Map<String, Pipeline> pipelines = index(objects.pipelines(), Pipeline::name);
        objects.tasks().forEach(this::task);
        objects.pipelines().forEach(p -> pipeline(p, tasks));
        objects.pipelineRuns().forEach(r -> pipelineRun(r, pipelines));
    }

    private static <T> Map<String, T> index(List<T> objects, Function<T, String> name) {
        Map<String, T> index = new HashMap<>();
        objects.forEach(o -> index.putIfAbsent(name.apply(o), o));
        return index;
    }

    // ---- Task

    private void task(Task task) {
        Set<String> params = declaredParams(task, "spec.params", task.params());
        Set<String> results = new HashSet<>();
        for (int i = 0; i < task.results().size(); i++) {
            TaskResult result = task.results().get(i);
            String where = "spec.results[" + i + "] '" + result.name() + "'";
            if (!RESULT_NAME.matcher(result.name()).matches()) {
                problem(task, where, "invalid result name '" + result.name() + "': must match "
                        + RESULT_NAME.pattern());
            }
            if (!results.add(result.name())) {
                problem(task, where, "result '" + result.name() + "' is declared more than once");
            }
        }
        Set<String> volumes = new HashSet<>();
        for (int i = 0; i < task.volumes().size(); i++) {
            Volume volume = task.volumes().get(i);
            if (volume.getName() == null || !volumes.add(volume.getName())) {
                problem(task, "spec.volumes[" + i + "]", "volume name '" + volume.getName()
                        + "' is missing or used more than once; volume names must be unique");
            }
        }
        if (task.steps().isEmpty()) {
            problem(task, "spec.steps", "missing field(s): steps; a Task needs at least one step");
        }
        Set<String> stepNames = new HashSet<>();
        for (int i = 0; i < task.steps().size(); i++) {
            Step step = task.steps().get(i);
            String where = "spec.steps[" + i + "] '" + step.name() + "'";
            checkLabel(task, where + ".name", step.name(), "step name");
            if (!stepNames.add(step.name())) {
                problem(task, where + ".name", "step name '" + step.name() + "' is used more than once in the Task");
            }
            if (step.image() == null || step.image().isBlank()) {
                problem(task, where + ".image", "missing field(s): image; every step needs an image");
            }
            if (step.script() == null || step.script().isBlank()) {
                problem(task, where + ".script", "missing script; glci steps run a script");
            } else if (!step.script().startsWith("#!")) {
                problem(task, where + ".script", "the script does not start with a #! line naming its interpreter");
            }
            Set<String> envNames = new HashSet<>();
            for (EnvVar env : step.env()) {
                String envWhere = where + ".env '" + env.getName() + "'";
                if (env.getName() == null || !ENV_NAME.matcher(env.getName()).matches()) {
                    problem(task, envWhere, "invalid environment variable name '" + env.getName() + "'");
                } else if (!envNames.add(env.getName())) {
                    problem(task, envWhere, "environment variable '" + env.getName() + "' is set more than once");
                }
                taskVariables(task, envWhere + ".value", env.getValue(), params, results);
            }
            Set<String> mountPaths = new HashSet<>();
            for (VolumeMount mount : step.volumeMounts()) {
                String mountWhere = where + ".volumeMounts '" + mount.getName() + "'";
                if (!volumes.contains(mount.getName())) {
                    problem(task, mountWhere, "mounts volume '" + mount.getName() + "', which the Task does not"
                            + " declare; declared: " + sorted(volumes));
                }
                String path = mount.getMountPath();
                if (path == null || !path.startsWith("/")) {
                    problem(task, mountWhere + ".mountPath", "mount path '" + path + "' must be absolute");
                } else if (path.startsWith("/tekton/")) {
                    problem(task, mountWhere + ".mountPath", "mount path '" + path + "' lies under /tekton/, which"
                            + " Tekton reserves");
                } else if (!mountPaths.add(path)) {
                    problem(task, mountWhere + ".mountPath", "mount path '" + path + "' is used more than once");
                }
                if (mount.getName() != null && mount.getName().startsWith("tekton-internal-")) {
                    problem(task, mountWhere, "volume names starting with tekton-internal- are reserved");
                }
            }
            taskVariables(task, where + ".image", step.image(), params, results);
            taskVariables(task, where + ".script", step.script(), params, results);
        }
    }

    /** Variables a Task may use: its own params, its own results' paths and the task context. */
    private void taskVariables(Task task, String where, String text, Set<String> params, Set<String> results) {
        for (String variable : variables(text)) {
            Matcher param = PARAM_REF.matcher(variable);
            Matcher result = OWN_RESULT_PATH.matcher(variable);
            if (param.matches()) {
                if (!params.contains(param.group(1))) {
                    problem(task, where, "uses $(" + variable + "), but the Task declares no parameter '"
                            + param.group(1) + "'; declared: " + sorted(params));
                }
            } else if (result.matches()) {
                if (!results.contains(result.group(1))) {
                    problem(task, where, "uses $(" + variable + "), but the Task declares no result '"
                            + result.group(1) + "'; declared: " + sorted(results));
                }
            } else if (!TASK_CONTEXT_VARIABLES.contains(variable) && !variable.startsWith("workspaces.")) {
                problem(task, where, "invalid variable reference \"$(" + variable + ")\", must start with a valid"
                        + " prefix (params, results, context); if you meant a shell variable, use ${VAR} instead");
            }
        }
    }

    // ---- Pipeline

    private void pipeline(Pipeline pipeline, Map<String, Task> tasks) {
        Set<String> params = declaredParams(pipeline, "spec.params", pipeline.params());
        if (pipeline.tasks().isEmpty()) {
            problem(pipeline, "spec.tasks", pipeline.finallyTasks().isEmpty()
                    ? "expected at least one, got none: a Pipeline needs tasks"
                    : "spec.tasks is empty but spec.finally has " + pipeline.finallyTasks().size() + " tasks");
        }
        Set<String> taskNames = new HashSet<>();
        Set<String> allNames = new HashSet<>();
        pipeline.tasks().forEach(t -> taskNames.add(t.name()));
        for (int i = 0; i < pipeline.tasks().size(); i++) {
            pipelineTask(pipeline, "spec.tasks[" + i + "]", pipeline.tasks().get(i), false, params, taskNames,
                    allNames, tasks);
        }
        for (int i = 0; i < pipeline.finallyTasks().size(); i++) {
            pipelineTask(pipeline, "spec.finally[" + i + "]", pipeline.finallyTasks().get(i), true, params,
                    taskNames, allNames, tasks);
        }
        checkCycles(pipeline);
    }

    private void pipelineTask(Pipeline pipeline, String index, PipelineTask task, boolean isFinally,
            Set<String> pipelineParams, Set<String> taskNames, Set<String> allNames, Map<String, Task> tasks) {
        String where = index + " '" + task.name() + "'";
        checkLabel(pipeline, where + ".name", task.name(), "Pipeline Task name");
        if (!allNames.add(task.name())) {
            problem(pipeline, where + ".name", "expected exactly one, got both: task name '" + task.name()
                    + "' is used more than once in tasks and finally");
        }
        Optional<Task> referenced = Optional.empty();
        if (task.taskRef() == null || task.taskRef().isBlank()) {
            problem(pipeline, where + ".taskRef", "expected exactly one, got neither: taskRef must name a Task");
        } else {
            checkName(pipeline, where + ".taskRef.name", task.taskRef(), "taskRef name");
            referenced = Optional.ofNullable(tasks.get(task.taskRef()));
            if (referenced.isEmpty()) {
                problem(pipeline, where + ".taskRef.name", "references Task '" + task.taskRef()
                        + "', which is not rendered; rendered Tasks: " + sorted(tasks.keySet()));
            }
        }
        if (isFinally && !task.runAfter().isEmpty()) {
            problem(pipeline, where + ".runAfter", "no runAfter allowed under spec.finally, final task "
                    + task.name() + " has runAfter specified");
        }
        if (!isFinally) {
            for (String after : task.runAfter()) {
                if (!taskNames.contains(after)) {
                    problem(pipeline, where + ".runAfter", "task " + task.name() + " depends on " + after
                            + " but " + after + " wasn't present in Pipeline");
                }
            }
        }
        if (task.timeout() != null && task.timeout().isNegative()) {
            problem(pipeline, where + ".timeout", "timeout " + task.timeout() + " should be >= 0");
        }
        Set<String> passed = new HashSet<>();
        for (Param param : task.params()) {
            String paramWhere = where + ".params '" + param.name() + "'";
            if (!passed.add(param.name())) {
                problem(pipeline, paramWhere, "parameter '" + param.name() + "' is passed more than once");
            }
            referenced.ifPresent(t -> {
                if (t.param(param.name()).isEmpty()) {
                    problem(pipeline, paramWhere, "passes parameter '" + param.name() + "', which Task '" + t.name()
                            + "' does not declare; declared: " + t.params().stream().map(ParamSpec::name).toList());
                }
            });
            pipelineVariables(pipeline, paramWhere + ".value", param.value(), isFinally, pipelineParams, taskNames,
                    tasks);
        }
        referenced.ifPresent(t -> t.params().stream()
                .filter(p -> p.isRequired() && !passed.contains(p.name()))
                .forEach(p -> problem(pipeline, where + ".params", "parameter '" + p.name() + "' is not supplied,"
                        + " and Task '" + t.name() + "' declares it without a default")));
    }

    private void pipelineVariables(Pipeline pipeline, String where, String text, boolean isFinally,
            Set<String> params, Set<String> taskNames, Map<String, Task> tasks) {
        for (String variable : variables(text)) {
            Matcher param = PARAM_REF.matcher(variable);
            Matcher status = TASK_STATUS.matcher(variable);
            Matcher result = TASK_RESULT.matcher(variable);
            if (param.matches()) {
                if (!params.contains(param.group(1))) {
                    problem(pipeline, where, "uses $(" + variable + "), but the Pipeline declares no parameter '"
                            + param.group(1) + "'; declared: " + sorted(params));
                }
            } else if (status.matches() || variable.equals("tasks.status")) {
                if (!isFinally) {
                    problem(pipeline, where, "pipeline tasks can not refer to execution status of any other"
                            + " pipeline task or aggregate status of tasks: $(" + variable + ")");
                } else if (status.matches() && !taskNames.contains(status.group(1))) {
                    problem(pipeline, where, "pipeline task " + status.group(1) + " is not defined in the pipeline"
                            + " (in $(" + variable + "))");
                }
            } else if (result.matches()) {
                String producer = result.group(1);
                if (!taskNames.contains(producer)) {
                    problem(pipeline, where, "invalid task result reference $(" + variable + "): task " + producer
                            + " is not defined in the pipeline's tasks");
                } else {
                    pipelineTaskRef(pipeline, producer).map(tasks::get).ifPresent(t -> {
                        if (t.results().stream().noneMatch(r -> r.name().equals(result.group(2)))) {
                            problem(pipeline, where, "$(" + variable + "): '" + result.group(2) + "' is not a result"
                                    + " of Task '" + t.name() + "'");
                        }
                    });
                }
            } else if (!CONTEXT_VARIABLES.contains(variable)) {
                problem(pipeline, where, "invalid variable reference \"$(" + variable + ")\"; allowed: params,"
                        + " tasks.<name>.results, tasks.<name>.status (in finally) and " + sorted(CONTEXT_VARIABLES));
            }
        }
    }

    private static Optional<String> pipelineTaskRef(Pipeline pipeline, String name) {
        return pipeline.tasks().stream().filter(t -> t.name().equals(name)).map(PipelineTask::taskRef).findFirst();
    }

    /** Edges from runAfter and from result references; reports each cycle once. */
    private void checkCycles(Pipeline pipeline) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        for (PipelineTask task : pipeline.tasks()) {
            Set<String> deps = edges.computeIfAbsent(task.name(), n -> new java.util.LinkedHashSet<>());
            deps.addAll(task.runAfter());
            for (Param param : task.params()) {
                for (String variable : variables(param.value())) {
                    Matcher result = TASK_RESULT.matcher(variable);
                    if (result.matches()) {
                        deps.add(result.group(1));
                    }
                }
            }
        }
        Map<String, Integer> state = new HashMap<>();
        for (String task : edges.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(task, edges, state, path)) {
                int start = path.indexOf(path.get(path.size() - 1));
                List<String> cycle = path.subList(start, path.size());
                problem(pipeline, "spec.tasks '" + cycle.get(0) + "'.runAfter", "cycle detected; task \""
                        + cycle.get(0) + "\" depends on itself through " + String.join(" -> ", cycle));
                return;
            }
        }
    }

    /** Depth-first search; true with {@code path} ending in the repeated task when a cycle is found. */
    private static boolean visit(String task, Map<String, Set<String>> edges, Map<String, Integer> state,
            List<String> path) {
        Integer s = state.get(task);
        if (s != null && s == 2) {
            return false;
        }
        path.add(task);
        if (s != null && s == 1) {
            return true;
        }
        state.put(task, 1);
        for (String dep : edges.getOrDefault(task, Set.of())) {
            if (edges.containsKey(dep) && visit(dep, edges, state, path)) {
                return true;
            }
        }
        state.put(task, 2);
        path.remove(path.size() - 1);
        return false;
    }

    // ---- PipelineRun

    private void pipelineRun(PipelineRun run, Map<String, Pipeline> pipelines) {
        if (run.timeout() != null && run.timeout().isNegative()) {
            problem(run, api == TektonApi.V1 ? "spec.timeouts.pipeline" : "spec.timeout", "timeout "
                    + run.timeout() + " should be >= 0");
        }
        Pipeline pipeline = pipelines.get(run.pipelineRef());
        if (pipeline == null) {
            problem(run, "spec.pipelineRef.name", "references Pipeline '" + run.pipelineRef()
                    + "', which is not rendered; rendered Pipelines: " + sorted(pipelines.keySet()));
        }
        Set<String> passed = new HashSet<>();
        for (Param param : run.params()) {
            String where = "spec.params '" + param.name() + "'";
            if (!passed.add(param.name())) {
                problem(run, where, "parameter '" + param.name() + "' is passed more than once");
            }
            if (pipeline != null && pipeline.params().stream().noneMatch(p -> p.name().equals(param.name()))) {
                problem(run, where, "passes parameter '" + param.name() + "', which Pipeline '" + pipeline.name()
                        + "' does not declare");
            }
            for (String variable : variables(param.value())) {
                if (variable.startsWith("tasks.")) {
                    problem(run, where + ".value", "result expressions are not allowed in PipelineRun parameters: $("
                            + variable + ")");
                }
            }
        }
        if (pipeline != null) {
            pipeline.params().stream().filter(p -> p.isRequired() && !passed.contains(p.name()))
                    .forEach(p -> problem(run, "spec.params", "parameter '" + p.name() + "' is not supplied, and"
                            + " Pipeline '" + pipeline.name() + "' declares it without a default"));
        }
    }

    // ---- shared

    private Set<String> declaredParams(TektonDocument document, String field, List<ParamSpec> params) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < params.size(); i++) {
            ParamSpec param = params.get(i);
            String where = field + "[" + i + "] '" + param.name() + "'";
            if (!PARAM_NAME.matcher(param.name()).matches()) {
                problem(document, where, "The format of following array and string variable names is invalid: ["
                        + param.name() + "]; names must match " + PARAM_NAME.pattern());
            }
            if (!names.add(param.name())) {
                problem(document, where, "parameter appears more than once: '" + param.name() + "'");
            }
        }
        return names;
    }

    private void checkName(TektonDocument document, String where, String name, String what) {
        if (name.length() > MAX_NAME_LENGTH) {
            problem(document, where, "Invalid " + what + ": length must be no more than " + MAX_NAME_LENGTH
                    + " characters, '" + name + "' has " + name.length());
        } else if (!DNS_LABEL.matcher(name).matches()) {
            problem(document, where, "invalid " + what + " \"" + name + "\": must be a valid DNS label (lower"
                    + " case letters, digits and '-', starting and ending with a letter or digit)");
        }
    }

    private void checkLabel(TektonDocument document, String where, String name, String what) {
        if (name == null || name.isEmpty()) {
            problem(document, where, what + " is missing");
        } else {
            checkName(document, where, name, what);
        }
    }

    private void checkSize(TektonDocument document) {
        int size = TektonWire.toJson(TektonWire.toMap(document, api)).length;
        if (size > MAX_OBJECT_BYTES) {
            problem(document, "", "is " + size + " bytes long; the Kubernetes API stores objects of at most "
                    + MAX_OBJECT_BYTES + " bytes; render a smaller flavour set");
        }
    }

    private static List<String> variables(String text) {
        if (text == null || text.indexOf("$(") < 0) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private void problem(TektonDocument document, String location, String message) {
        problems.add(new Problem(document.label(), location, message));
    }
}
