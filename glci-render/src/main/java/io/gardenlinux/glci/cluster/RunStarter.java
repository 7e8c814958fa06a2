package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.render.tekton.TektonApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gardenlinux.glci.model.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Starts PipelineRuns and removes old ones, as the original's {@code tkn pipelineruns delete --keep 20} did. */
public final class RunStarter {

    private final ClusterConnection connection;
    private final Reporter reporter;
    private final TektonRuns runs;

    public RunStarter(ClusterConnection connection, Reporter reporter) {
        this.connection = connection;
        this.reporter = reporter;
        this.runs = new TektonRuns(connection);
    }

    /**
     * Deletes all but the newest {@code keep} PipelineRuns of the namespace (their TaskRuns and pods go with
     * them); returns the names deleted.
     */
    public List<String> prune(int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep is " + keep + "; it must be 0 or more");
        }
        List<GenericKubernetesResource> all = runs.runsNewestFirst();
        List<String> deleted = new ArrayList<>();
        for (GenericKubernetesResource old : all.subList(Math.min(keep, all.size()), all.size())) {
            String name = old.getMetadata().getName();
            connection.call("deleting PipelineRun " + name, () -> runs.runs().withName(name).delete());
            deleted.add(name);
        }
        reporter.info("Pruned " + deleted.size() + " old PipelineRun(s), " + (all.size() - deleted.size())
                + " kept (" + GlciSettings.KEEP.mention(keep) + ")" + (deleted.isEmpty() ? "" : ": " + String.join(", ", deleted)));
        return List.copyOf(deleted);
    }

    /**
     * Creates the PipelineRuns (a {@code generateName} gets its suffix from the cluster) and returns their names.
     * With a dashboard URL, a link to each run's page is reported.
     */
    public List<String> start(List<? extends HasMetadata> pipelineRuns, Optional<String> dashboardUrl) {
        List<String> names = new ArrayList<>();
        for (HasMetadata run : pipelineRuns) {
            TektonApi api = TektonApi.fromApiVersion(run.getApiVersion());
            String label = Optional.ofNullable(run.getMetadata().getName())
                    .orElse(run.getMetadata().getGenerateName() + "…");
            GenericKubernetesResource generic = connection.client().getKubernetesSerialization()
                    .convertValue(run, GenericKubernetesResource.class);
            GenericKubernetesResource created = connection.call("starting PipelineRun " + label,
                    () -> connection.client().genericKubernetesResources(api.pipelineRuns())
                            .inNamespace(connection.namespace()).resource(generic).create());
            String name = created.getMetadata().getName();
            names.add(name);
            reporter.info("Started PipelineRun " + name + " in namespace " + connection.namespace());
            dashboardUrl.ifPresent(url -> reporter.info("  Dashboard: " + dashboardLink(url, connection.namespace(),
                    name)));
            reporter.info("  Follow it with: " + GlciSettings.goal("watch") + " " + GlciSettings.RUN.mention(name) + " "
                    + GlciSettings.NAMESPACE.mention(connection.namespace()));
        }
        return List.copyOf(names);
    }

    /** The Tekton Dashboard's page of a run. */
    public static String dashboardLink(String dashboardUrl, String namespace, String run) {
        String base = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
        return base + "/#/namespaces/" + namespace + "/pipelineruns/" + run;
    }
}
