package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.render.tekton.TektonApi;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.gardenlinux.glci.model.Reporter;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A client for one cluster and namespace, with the checks that turn the usual set-up mistakes into one readable
 * line each: no cluster configured, a context that is not in the kubeconfig, an unreachable API server, a missing
 * namespace, a cluster without Tekton, a user without the rights.
 */
public final class ClusterConnection implements AutoCloseable {

    private static final String SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private static final int RETRIES = 3;
    private static final int RETRY_INTERVAL_MILLIS = 500;

    private final KubernetesClient client;
    private final String namespace;
    private final TektonApi tektonApi;
    private final String where;

    /** fabric8's record of the unstable-version warnings it has given, keyed {@code <plural>-<version>}. */
    private static final String FABRIC8_VERSION_WARNINGS = "io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils";

    private ClusterConnection(KubernetesClient client, String namespace, TektonApi tektonApi, String cluster) {
        this.client = client;
        this.namespace = namespace;
        this.tektonApi = tektonApi;
        this.where = cluster + ", namespace " + namespace;
        noUnstableVersionWarning(client, tektonApi);
    }

    /**
     * fabric8 warns through slf4j the first time a JVM uses a kind in a beta or alpha version ("The client is using
     * resource type 'pipelineruns' with unstable version 'v1beta1'"): a Maven {@code [WARNING]} on every
     * {@code glci:watch} of a Tekton 0.25 cluster, about a version the user chose on purpose. fabric8 has no setting
     * for it (8.0.0 warns from {@code VersionUsageUtils}, unconditionally), so glci marks the warning as given for its
     * own Tekton kinds in fabric8's record of given warnings. Should a fabric8 version keep that record elsewhere, the
     * warning is back and nothing else changes (RunFollowerTest fails then).
     */
    @SuppressWarnings("unchecked")
    private static void noUnstableVersionWarning(KubernetesClient client, TektonApi api) {
        String version = api.version().toLowerCase(Locale.ROOT);
        if (!version.contains("beta") && !version.contains("alpha")) {
            return;
        }
        try {
            Field given = Class.forName(FABRIC8_VERSION_WARNINGS, true, client.getClass().getClassLoader())
                    .getDeclaredField("UNSTABLE_TYPES");
            given.setAccessible(true);
            Map<String, Boolean> warned = (Map<String, Boolean>) given.get(null);
            for (ResourceDefinitionContext kind : List.of(api.pipelineRuns(), api.taskRuns(), api.pipelines(),
                    api.tasks())) {
                warned.putIfAbsent(kind.getPlural() + "-" + kind.getVersion(), Boolean.TRUE);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // fabric8 keeps its record elsewhere: its warning shows, as it would without glci's help
        }
    }

    /**
     * Opens a client as {@code kubectl} would: the kubeconfig of the options or {@code KUBECONFIG} or
     * {@code ~/.kube/config}, the context of the options or the current one, else the in-cluster service account.
     */
    public static ClusterConnection open(ClusterOptions options) {
        Config config;
        String contextName;
        if (options.kubeconfig().isPresent()) {
            Path file = options.kubeconfig().get();
            if (!Files.isRegularFile(file)) {
                throw new ClusterException("kubeconfig " + file + " does not exist; point "
                        + GlciSettings.KUBECONFIG.mention() + " (or KUBECONFIG) at the cluster's kubeconfig file");
            }
            contextName = checkedContext(List.of(file.toFile()), options.context());
            config = Config.fromKubeconfig(contextName, file.toFile());
        } else {
            List<File> files = Config.getKubeconfigFilenames().stream().map(File::new).filter(File::isFile)
                    .toList();
            if (files.isEmpty()) {
                if (!Files.isReadable(Path.of(SERVICE_ACCOUNT_TOKEN))) {
                    throw new ClusterException("no cluster configured: no kubeconfig at "
                            + String.join(", ", Config.getKubeconfigFilenames())
                            + " and not running in a pod; set KUBECONFIG (or "
                            + GlciSettings.KUBECONFIG.mention() + ") to the cluster's kubeconfig file");
                }
                contextName = "in-cluster";
            } else {
                contextName = checkedContext(files, options.context());
            }
            config = Config.autoConfigure(options.context().orElse(null));
        }
        // fabric8 retries a failed request 10 times with doubling back-off (about 20 s for an unreachable
        // cluster); a few quick retries ride out a blip without keeping a person waiting for a wrong address
        config.setRequestRetryBackoffLimit(RETRIES);
        config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MILLIS);
        // fabric8 takes its timeouts from its system properties only when it finds the kubeconfig itself; a
        // kubeconfig given by path honours them too
        Optional.ofNullable(Integer.getInteger(Config.KUBERNETES_CONNECTION_TIMEOUT_SYSTEM_PROPERTY))
                .ifPresent(config::setConnectionTimeout);
        Optional.ofNullable(Integer.getInteger(Config.KUBERNETES_REQUEST_TIMEOUT_SYSTEM_PROPERTY))
                .ifPresent(config::setRequestTimeout);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        return new ClusterConnection(client, options.namespace(), options.tektonApi(),
                "cluster " + config.getMasterUrl() + " (context " + contextName + ")");
    }

    /** A connection over a client made elsewhere, for tests and for callers that configure fabric8 themselves. */
    public static ClusterConnection of(KubernetesClient client, String namespace, TektonApi tektonApi) {
        return new ClusterConnection(Objects.requireNonNull(client), Objects.requireNonNull(namespace),
                Objects.requireNonNull(tektonApi), "cluster " + client.getMasterUrl());
    }

    private static String checkedContext(List<File> files, Optional<String> wanted) {
        List<String> contexts = new ArrayList<>();
        String current = null;
        for (File file : files) {
            io.fabric8.kubernetes.api.model.Config parsed;
            try {
                parsed = KubeConfigUtils.parseConfig(file);
            } catch (RuntimeException e) {
                throw new ClusterException("kubeconfig " + file + " cannot be read: " + e.getMessage(), e);
            }
            if (parsed.getContexts() != null) {
                parsed.getContexts().stream().map(NamedContext::getName).filter(Objects::nonNull)
                        .filter(n -> !contexts.contains(n)).forEach(contexts::add);
            }
            if (current == null && parsed.getCurrentContext() != null && !parsed.getCurrentContext().isBlank()) {
                current = parsed.getCurrentContext();
            }
        }
        String files1 = String.join(", ", files.stream().map(File::toString).toList());
        if (wanted.isPresent()) {
            if (!contexts.contains(wanted.get())) {
                throw new ClusterException("context '" + wanted.get() + "' is not in the kubeconfig (" + files1
                        + "); contexts there: " + (contexts.isEmpty() ? "none" : String.join(", ", contexts))
                        + "; choose one of them with " + GlciSettings.CONTEXT.mention());
            }
            return wanted.get();
        }
        if (current == null) {
            throw new ClusterException("the kubeconfig (" + files1 + ") has no current context; choose one with "
                    + GlciSettings.CONTEXT.mention() + ": " + (contexts.isEmpty() ? "none" : String.join(", ", contexts)));
        }
        return current;
    }

    public KubernetesClient client() {
        return client;
    }

    public String namespace() {
        return namespace;
    }

    public TektonApi tektonApi() {
        return tektonApi;
    }

    /** The cluster and namespace, for messages: {@code cluster https://… (context c), namespace n}. */
    public String where() {
        return where;
    }

    /** Runs a call to the cluster; a failure becomes a {@link ClusterException} that says what was being done. */
    public <T> T call(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw ClusterException.of(e, doing, where);
        }
    }

    /**
     * Checks that the namespace exists and that the cluster serves Tekton's PipelineRuns in {@link #tektonApi()}.
     * A user who may not read namespaces is not stopped here: the next call says what it may not do.
     */
    public void verify(Reporter reporter) {
        reporter.info("Using " + where + ", Tekton " + tektonApi.apiVersion());
        try {
            if (client.namespaces().withName(namespace).get() == null) {
                throw new ClusterException("namespace '" + namespace + "' does not exist in " + where
                        + "; create it with " + GlciSettings.goal("setup") + " (or kubectl create namespace "
                        + namespace + ") or choose another with " + GlciSettings.NAMESPACE.mention()
                        + " (GARDENLINUX_TKN_WS)");
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw ClusterException.of(e, "reading namespace " + namespace, where);
            }
            reporter.debug("may not read namespace " + namespace + "; not checking that it exists");
        }
        APIResourceList resources;
        try {
            resources = client.getApiResources(tektonApi.apiVersion());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw ClusterException.of(e, "looking up the Tekton API " + tektonApi.apiVersion(), where);
            }
            resources = null;
        }
        boolean servesRuns = resources != null && resources.getResources() != null && resources.getResources()
                .stream().anyMatch(r -> "pipelineruns".equals(r.getName()));
        if (!servesRuns) {
            String other = tektonApi == TektonApi.V1 ? TektonApi.V1BETA1.version() : TektonApi.V1.version();
            throw new ClusterException("the cluster (" + where + ") does not serve Tekton " + tektonApi.apiVersion()
                    + " PipelineRuns: the Tekton CRDs are missing; install Tekton Pipelines, or use"
                    + " " + GlciSettings.TEKTON_API.mention(other) + " if the cluster runs that version");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
