package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gardenlinux.glci.cluster.Applied.Outcome;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.render.Rendering;
import io.gardenlinux.glci.render.pipelines.ClusterSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What {@code glci:apply} puts into the cluster, in order: the setup objects of a rendering with setup (Namespace,
 * LimitRange, RBAC), then, once the namespace and Tekton are known to be there, the credentials Secret and the
 * Tasks and Pipelines. PipelineRuns are not applied: creating one starts a build ({@link RunStarter}).
 */
public final class RenderingApplier {

    private final ClusterConnection connection;
    private final Reporter reporter;

    public RenderingApplier(ClusterConnection connection, Reporter reporter) {
        this.connection = connection;
        this.reporter = reporter;
    }

    /**
     * Applies the rendering. {@code credentials} is read only when a Secret is to be written (not in secrets-server
     * mode). When applying stops halfway, the {@link ApplyException} lists everything applied before.
     */
    public List<Applied> apply(Rendering rendering, Supplier<Credentials> credentials, SecretSettings secrets) {
        List<GenericKubernetesResource> resources = rendering.kubernetesResources();
        List<HasMetadata> setup = resources.stream().filter(r -> !isTekton(r)).map(HasMetadata.class::cast)
                .toList();
        List<HasMetadata> tekton = resources.stream().filter(RenderingApplier::isTekton)
                .map(HasMetadata.class::cast).toList();
        Applier applier = new Applier(connection, reporter);
        List<Applied> applied = new ArrayList<>();
        try {
            applied.addAll(applier.apply(setup));
            connection.verify(reporter);
            applied.addAll(new CredentialsSecret(connection, reporter).apply(
                    secrets.secretsServer().isPresent() ? null : credentials.get(), secrets));
            applied.addAll(applier.apply(tekton));
        } catch (ApplyException e) {
            List<Applied> all = new ArrayList<>(applied);
            all.addAll(e.applied());
            throw new ApplyException((ClusterException) e.getCause(), all);
        } catch (ClusterException e) {
            throw new ApplyException(e, applied);
        }
        Map<Outcome, Long> counts = applied.stream().collect(Collectors.groupingBy(Applied::outcome,
                Collectors.counting()));
        reporter.info("Applied " + applied.size() + " objects to " + connection.where() + ": "
                + counts.getOrDefault(Outcome.CREATED, 0L) + " created, " + counts.getOrDefault(Outcome.UPDATED, 0L)
                + " updated, " + counts.getOrDefault(Outcome.UNCHANGED, 0L) + " unchanged");
        return List.copyOf(applied);
    }

        /**
     * Applies the original README's cluster prerequisites for the connection's namespace: the Namespace, the
     * LimitRange and the RBAC ({@link ClusterSetup}). Needs no Garden Linux checkout.
     */
    public List<Applied> applySetup() {
        return new Applier(connection, reporter).apply(ClusterSetup.objects(connection.namespace()));
    }

    private static boolean isTekton(GenericKubernetesResource resource) {
        return resource.getApiVersion() != null && resource.getApiVersion().startsWith(TektonApi.GROUP + "/");
    }
}
