package io.gardenlinux.glci.render.tekton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link TektonValidator}, each with a document that breaks it. */
class TektonValidatorTest {

    private static final String SCRIPT = "#!/usr/bin/env bash\necho \"${MESSAGE}\"\n";

    // ---- a small valid render: Task "say" (param message, result said), Pipeline "talk", PipelineRun "talk-run"

    private static Step step(String name) {
        return Step.of(name, "busybox:1.36", SCRIPT, List.of(new EnvVar("MESSAGE", "$(params.message)", null)),
                List.of());
    }

    private static Task task(UnaryOperator<List<Step>> steps) {
        return new Task("say", null, List.of(ParamSpec.required("message", null),
                ParamSpec.optional("loud", null, "false")), List.of(new TaskResult("said", null)),
                steps.apply(new ArrayList<>(List.of(step("say")))), List.of());
    }

    private static PipelineTask pipelineTask(String name, List<String> runAfter) {
        return new PipelineTask(name, "say", List.of(Param.forward("message")), runAfter, Duration.ofHours(1));
    }

    private static PipelineTask finallyTask(String value) {
        return new PipelineTask("report", "say", List.of(new Param("message", value)), List.of(), null);
    }

    private static Pipeline pipeline(List<PipelineTask> tasks, List<PipelineTask> finallyTasks) {
        return new Pipeline("talk", null, List.of(ParamSpec.required("message", null)), tasks, finallyTasks);
    }

    private static Pipeline pipeline() {
        return pipeline(List.of(pipelineTask("first", List.of()), pipelineTask("second", List.of("first"))),
                List.of(finallyTask("$(tasks.first.status)")));
    }

    private static PipelineRun run(List<Param> params) {
        return new PipelineRun("talk-run", "talk", params, null, null, Duration.ofHours(1));
    }

    private static PipelineRun run() {
        return run(List.of(new Param("message", "hello")));
    }

    private static List<Problem> problems(Task task, Pipeline pipeline, PipelineRun run) {
        return TektonValidator.problems(new TektonObjects(List.of(task), List.of(pipeline), List.of(run)),
                TektonApi.V1);
    }

    private static List<Problem> problemsOf(Task task) {
        return problems(task, pipeline(), run());
    }

    private static List<Problem> problemsOf(Pipeline pipeline) {
        return problems(task(s -> s), pipeline, run());
    }

    private static List<Problem> problemsOf(PipelineRun run) {
        return problems(task(s -> s), pipeline(), run);
    }

    private static Pipeline withTask(PipelineTask extra) {
        List<PipelineTask> tasks = new ArrayList<>(pipeline().tasks());
        tasks.add(extra);
        return pipeline(tasks, pipeline().finallyTasks());
    }

    private static void assertOne(List<Problem> problems, String source, String location, String message) {
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(source);
            assertThat(p.location()).contains(location);
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void theFixtureIsValid() {
        assertThat(problems(task(s -> s), pipeline(), run())).isEmpty();
    }

    // ---- metadata

    @Test
    void resourceNamesAreDnsLabels() {
        Task task = new Task("Say_It", null, List.of(), List.of(), List.of(Step.of("s", "busybox:1.36", SCRIPT,
                List.of(), List.of())), List.of());
        assertThat(TektonValidator.problems(new TektonObjects(List.of(task), List.of(), List.of()), TektonApi.V1))
                .singleElement().satisfies(p -> assertThat(p.toString()).isEqualTo("Task 'Say_It': metadata.name:"
                        + " invalid resource name \"Say_It\": must be a valid DNS label (lower case letters, digits"
                        + " and '-', starting and ending with a letter or digit)"));
    }

    @Test
    void resourceNamesHaveAtMost63Characters() {
        String name = "talk-" + "x".repeat(59);
        assertOne(problemsOf(new PipelineRun(name, "talk", List.of(new Param("message", "m")), null, null, null)),
                "PipelineRun '" + name + "'", "metadata.name", "length must be no more than 63 characters");
    }

    @Test
    void twoObjectsOfOneKindHaveDifferentNames() {
        List<Problem> problems = TektonValidator.problems(new TektonObjects(List.of(task(s -> s), task(s -> s)),
                List.of(), List.of()), TektonApi.V1);
        assertOne(problems, "Task 'say'", "metadata.name", "more than one Task is named 'say'");
    }

    // ---- Pipeline

    @Test
    void aPipelineHasTasks() {
        assertOne(problemsOf(pipeline(List.of(), List.of())), "Pipeline 'talk'", "spec.tasks",
                "expected at least one, got none");
    }

    @Test
    void finallyNeedsTasks() {
        assertOne(problemsOf(pipeline(List.of(), List.of(finallyTask("x")))), "Pipeline 'talk'", "spec.tasks",
                "spec.tasks is empty but spec.finally has 1 tasks");
    }

    @Test
    void pipelineTaskNamesAreDnsLabels() {
        assertOne(problemsOf(withTask(pipelineTask("Third", List.of()))), "Pipeline 'talk'",
                "spec.tasks[2] 'Third'.name", "invalid Pipeline Task name \"Third\"");
    }

    @Test
    void pipelineTaskNamesHaveAtMost63Characters() {
        String name = "t".repeat(64);
        assertOne(problemsOf(withTask(pipelineTask(name, List.of()))), "Pipeline 'talk'", "spec.tasks[2]",
                "length must be no more than 63 characters");
    }

    @Test
    void pipelineTaskNamesAreUniqueAcrossTasksAndFinally() {
        Pipeline pipeline = pipeline(pipeline().tasks(), List.of(new PipelineTask("first", "say",
                List.of(Param.forward("message")), List.of(), null)));
        assertOne(problemsOf(pipeline), "Pipeline 'talk'", "spec.finally[0] 'first'.name",
                "task name 'first' is used more than once");
    }

    @Test
    void everyPipelineTaskHasATaskRef() {
        assertOne(problemsOf(withTask(new PipelineTask("third", " ", List.of(), List.of(), null))),
                "Pipeline 'talk'", "spec.tasks[2] 'third'.taskRef", "expected exactly one, got neither");
    }

    @Test
    void everyTaskRefNamesARenderedTask() {
        assertOne(problemsOf(withTask(new PipelineTask("third", "shout", List.of(), List.of(), null))),
                "Pipeline 'talk'", "spec.tasks[2] 'third'.taskRef.name",
                "references Task 'shout', which is not rendered; rendered Tasks: [say]");
    }

    @Test
    void runAfterNamesATaskOfThePipeline() {
        assertOne(problemsOf(withTask(pipelineTask("third", List.of("zeroth")))), "Pipeline 'talk'",
                "spec.tasks[2] 'third'.runAfter", "task third depends on zeroth but zeroth wasn't present in Pipeline");
    }

    @Test
    void runAfterHasNoCycles() {
        Pipeline pipeline = pipeline(List.of(pipelineTask("first", List.of("third")),
                pipelineTask("second", List.of("first")), pipelineTask("third", List.of("second"))), List.of());
        assertOne(problemsOf(pipeline), "Pipeline 'talk'", "runAfter", "cycle detected; task \"first\" depends on"
                + " itself through first -> third -> second -> first");
    }

    @Test
    void resultReferencesMakeEdgesToo() {
        Pipeline pipeline = pipeline(List.of(pipelineTask("first", List.of("second")), new PipelineTask("second",
                "say", List.of(new Param("message", "$(tasks.first.results.said)")), List.of(), null)), List.of());
        assertOne(problemsOf(pipeline), "Pipeline 'talk'", "runAfter", "cycle detected");
    }

    @Test
    void finallyTasksHaveNoRunAfter() {
        Pipeline pipeline = pipeline(pipeline().tasks(), List.of(new PipelineTask("report", "say",
                List.of(Param.forward("message")), List.of("first"), null)));
        assertOne(problemsOf(pipeline), "Pipeline 'talk'", "spec.finally[0] 'report'.runAfter",
                "no runAfter allowed under spec.finally, final task report has runAfter specified");
    }

    @Test
    void pipelineParamsAreDeclaredOnce() {
        Pipeline pipeline = new Pipeline("talk", null, List.of(ParamSpec.required("message", null),
                ParamSpec.optional("message", null, "x")), pipeline().tasks(), List.of());
        assertOne(problemsOf(pipeline), "Pipeline 'talk'", "spec.params[1] 'message'",
                "parameter appears more than once");
    }

    @Test
    void paramNamesHaveTektonsFormat() {
        Pipeline pipeline = new Pipeline("talk", null, List.of(ParamSpec.required("message", null),
                ParamSpec.optional("1st", null, "x")), pipeline().tasks(), List.of());
        assertOne(problemsOf(pipeline), "Pipeline 'talk'", "spec.params[1] '1st'",
                "The format of following array and string variable names is invalid: [1st]");
    }

    @Test
    void everyPipelineParamUsedIsDeclared() {
        assertOne(problemsOf(withTask(new PipelineTask("third", "say", List.of(new Param("message",
                "$(params.greeting)")), List.of(), null))), "Pipeline 'talk'",
                "spec.tasks[2] 'third'.params 'message'.value",
                "uses $(params.greeting), but the Pipeline declares no parameter 'greeting'");
    }

    @Test
    void aPipelineTaskPassesEachParamOnce() {
        assertOne(problemsOf(withTask(new PipelineTask("third", "say", List.of(Param.forward("message"),
                new Param("message", "again")), List.of(), null))), "Pipeline 'talk'",
                "spec.tasks[2] 'third'.params 'message'", "parameter 'message' is passed more than once");
    }

    @Test
    void everyParamPassedIsDeclaredByTheTask() {
        assertOne(problemsOf(withTask(new PipelineTask("third", "say", List.of(Param.forward("message"),
                new Param("colour", "red")), List.of(), null))), "Pipeline 'talk'",
                "spec.tasks[2] 'third'.params 'colour'", "passes parameter 'colour', which Task 'say' does not declare");
    }

    @Test
    void everyRequiredTaskParamIsSupplied() {
        assertOne(problemsOf(withTask(new PipelineTask("third", "say", List.of(new Param("loud", "true")), List.of(),
                null))), "Pipeline 'talk'", "spec.tasks[2] 'third'.params",
                "parameter 'message' is not supplied, and Task 'say' declares it without a default");
    }

    @Test
    void statusVariablesOnlyInFinally() {
        assertOne(problemsOf(withTask(new PipelineTask("third", "say", List.of(new Param("message",
                "$(tasks.first.status)")), List.of("first"), null))), "Pipeline 'talk'",
                "spec.tasks[2] 'third'.params 'message'.value",
                "pipeline tasks can not refer to execution status of any other pipeline task");
    }

    @Test
    void statusVariablesNameATaskOfThePipeline() {
        assertOne(problemsOf(pipeline(pipeline().tasks(), List.of(finallyTask("$(tasks.zeroth.status)")))),
                "Pipeline 'talk'", "spec.finally[0] 'report'.params 'message'.value",
                "pipeline task zeroth is not defined in the pipeline");
    }

    @Test
    void onlyTektonsContextVariables() {
        assertOne(problemsOf(pipeline(pipeline().tasks(), List.of(finallyTask("$(context.pipelineRun.owner)")))),
                "Pipeline 'talk'", "spec.finally[0] 'report'.params 'message'.value",
                "invalid variable reference \"$(context.pipelineRun.owner)\"");
    }

    @Test
    void resultReferencesNameATaskAndOneOfItsResults() {
        assertOne(problemsOf(withTask(new PipelineTask("third", "say", List.of(new Param("message",
                "$(tasks.first.results.heard)")), List.of(), null))), "Pipeline 'talk'",
                "spec.tasks[2] 'third'.params 'message'.value", "'heard' is not a result of Task 'say'");
        assertOne(problemsOf(pipeline(pipeline().tasks(), List.of(finallyTask("$(tasks.zeroth.results.said)")))),
                "Pipeline 'talk'", "spec.finally[0] 'report'", "task zeroth is not defined in the pipeline's tasks");
    }

    @Test
    void timeoutsAreNotNegative() {
        assertOne(problemsOf(withTask(new PipelineTask("third", "say", List.of(Param.forward("message")), List.of(),
                Duration.ofMinutes(-5)))), "Pipeline 'talk'", "spec.tasks[2] 'third'.timeout", "should be >= 0");
        assertOne(problemsOf(new PipelineRun("talk-run", "talk", List.of(new Param("message", "m")), null, null,
                Duration.ofMinutes(-1))), "PipelineRun 'talk-run'", "spec.timeouts.pipeline", "should be >= 0");
    }

    // ---- Task

    @Test
    void aTaskHasSteps() {
        assertOne(problemsOf(task(s -> List.of())), "Task 'say'", "spec.steps", "missing field(s): steps");
    }

    @Test
    void everyStepHasAnImage() {
        assertOne(problemsOf(task(s -> List.of(Step.of("say", " ", SCRIPT, List.of(), List.of())))), "Task 'say'",
                "spec.steps[0] 'say'.image", "missing field(s): image");
    }

    @Test
    void stepNamesAreUniqueDnsLabels() {
        assertOne(problemsOf(task(s -> List.of(step("say"), step("say")))), "Task 'say'", "spec.steps[1] 'say'.name",
                "step name 'say' is used more than once");
        assertOne(problemsOf(task(s -> List.of(step("Say")))), "Task 'say'", "spec.steps[0] 'Say'.name",
                "invalid step name \"Say\"");
    }

    @Test
    void scriptsNameTheirInterpreter() {
        assertOne(problemsOf(task(s -> List.of(Step.of("say", "busybox:1.36", "echo hi", List.of(), List.of())))),
                "Task 'say'", "spec.steps[0] 'say'.script", "does not start with a #! line");
    }

    @Test
    void resultNamesHaveTektonsFormat() {
        Task task = new Task("say", null, List.of(ParamSpec.required("message", null)),
                List.of(new TaskResult("said!", null)), List.of(step("say")), List.of());
        assertOne(problemsOf(task), "Task 'say'", "spec.results[0] 'said!'", "invalid result name 'said!'");
    }

    @Test
    void volumesAreUniqueAndMountsNameThem() {
        Volume scratch = new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build();
        VolumeMount mount = new VolumeMountBuilder().withName("cache").withMountPath("/cache").build();
        Task task = new Task("say", null, List.of(ParamSpec.required("message", null)), List.of(),
                List.of(Step.of("say", "busybox:1.36", SCRIPT, List.of(), List.of(mount))), List.of(scratch, scratch));
        List<Problem> problems = problemsOf(task);
        assertThat(problems).extracting(Problem::message).containsExactly(
                "volume name 'scratch' is missing or used more than once; volume names must be unique",
                "mounts volume 'cache', which the Task does not declare; declared: [scratch]");
    }

    @Test
    void mountsStayOutOfTektonsDirectory() {
        Volume scratch = new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build();
        VolumeMount mount = new VolumeMountBuilder().withName("scratch").withMountPath("/tekton/results").build();
        Task task = new Task("say", null, List.of(ParamSpec.required("message", null)), List.of(),
                List.of(Step.of("say", "busybox:1.36", SCRIPT, List.of(), List.of(mount))), List.of(scratch));
        assertOne(problemsOf(task), "Task 'say'", "spec.steps[0] 'say'.volumeMounts 'scratch'.mountPath",
                "lies under /tekton/");
    }

    @Test
    void everyTaskParamUsedIsDeclared() {
        assertOne(problemsOf(task(s -> List.of(Step.of("say", "$(params.image)", SCRIPT, List.of(), List.of())))),
                "Task 'say'", "spec.steps[0] 'say'.image", "the Task declares no parameter 'image'");
    }

    @Test
    void resultPathsNameADeclaredResult() {
        assertOne(problemsOf(task(s -> List.of(Step.of("say", "busybox:1.36", SCRIPT, List.of(new EnvVar("OUT",
                "$(results.heard.path)", null)), List.of())))), "Task 'say'", "spec.steps[0] 'say'.env 'OUT'.value",
                "the Task declares no result 'heard'");
    }

    @Test
    void scriptsUseShellVariablesNotTektonSyntax() {
        assertOne(problemsOf(task(s -> List.of(Step.of("say", "busybox:1.36", "#!/bin/sh\necho $(date)\n",
                List.of(), List.of())))), "Task 'say'", "spec.steps[0] 'say'.script",
                "invalid variable reference \"$(date)\"");
    }

    @Test
    void environmentVariablesAreSetOnce() {
        assertOne(problemsOf(task(s -> List.of(Step.of("say", "busybox:1.36", SCRIPT, List.of(new EnvVar("A", "1",
                null), new EnvVar("A", "2", null)), List.of())))), "Task 'say'", "spec.steps[0] 'say'.env 'A'",
                "environment variable 'A' is set more than once");
    }

    // ---- PipelineRun

    @Test
    void aRunReferencesARenderedPipeline() {
        assertOne(problemsOf(new PipelineRun("talk-run", "chat", List.of(), null, null, null)),
                "PipelineRun 'talk-run'", "spec.pipelineRef.name", "references Pipeline 'chat', which is not rendered");
    }

    @Test
    void aRunPassesOnlyDeclaredParams() {
        assertOne(problemsOf(run(List.of(new Param("message", "m"), new Param("colour", "red")))),
                "PipelineRun 'talk-run'", "spec.params 'colour'", "which Pipeline 'talk' does not declare");
    }

    @Test
    void aRunSuppliesEveryRequiredParam() {
        assertOne(problemsOf(run(List.of())), "PipelineRun 'talk-run'", "spec.params",
                "parameter 'message' is not supplied, and Pipeline 'talk' declares it without a default");
    }

    @Test
    void aRunPassesNoResultExpressions() {
        assertOne(problemsOf(run(List.of(new Param("message", "$(tasks.first.results.said)")))),
                "PipelineRun 'talk-run'", "spec.params 'message'.value",
                "result expressions are not allowed in PipelineRun parameters");
    }

    // ---- size

    @Test
    void anObjectLargerThanTheApiStoresIsRefused() {
        List<PipelineTask> tasks = new ArrayList<>();
        String message = "m".repeat(2000);
        for (int i = 0; i < 800; i++) {
            tasks.add(new PipelineTask("t" + i, "say", List.of(new Param("message", message)), List.of(), null));
        }
        List<Problem> problems = problemsOf(pipeline(tasks, List.of()));
        assertOne(problems, "Pipeline 'talk'", "", "the Kubernetes API stores objects of at most 1572864 bytes");
    }

    @Test
    void checkThrowsOneExceptionListingEveryProblem() {
        TektonObjects objects = new TektonObjects(List.of(task(s -> List.of())), List.of(pipeline()),
                List.of(run(List.of())));
        assertThatThrownBy(() -> TektonValidator.check(objects, TektonApi.V1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("Task 'say': spec.steps: missing field(s): steps")
                .hasMessageContaining("PipelineRun 'talk-run': spec.params: parameter 'message' is not supplied");
    }
}
