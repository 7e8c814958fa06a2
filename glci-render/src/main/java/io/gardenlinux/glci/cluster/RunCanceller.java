package io.gardenlinux.glci.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.gardenlinux.glci.model.Reporter;

/**
 * Cancels a PipelineRun by setting {@code spec.status} to the value its API version accepts: {@code Cancelled}
 * ({@code v1}) or {@code PipelineRunCancelled} ({@code v1beta1}, Tekton v0.25).
 */
public final class RunCanceller {

    private final ClusterConnection connection;
    private final Reporter reporter;

    public RunCanceller(ClusterConnection connection, Reporter reporter) {
        this.connection = connection;
        this.reporter = reporter;
    }

    /** Cancels the run; returns false when it had already finished. */
    public boolean cancel(String runName) {
        TektonRuns runs = new TektonRuns(connection);
        GenericKubernetesResource run = runs.run(runName);
        RunState state = RunState.of(TektonStatus.pipelineRun(run).conditions());
        if (state.done()) {
            reporter.info("PipelineRun " + runName + " has already finished (" + state.name().toLowerCase(
                    java.util.Locale.ROOT) + "); nothing to cancel");
            return false;
        }
        String status = connection.tektonApi().cancelledStatus();
        String patch = "{\"spec\":{\"status\":\"" + status + "\"}}";
        connection.call("cancelling PipelineRun " + runName, () -> runs.runs().withName(runName)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
        reporter.info("Cancelled PipelineRun " + runName + " (spec.status: " + status + ")");
        return true;
    }
}
