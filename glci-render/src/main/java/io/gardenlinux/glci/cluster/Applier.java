package io.gardenlinux.glci.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.gardenlinux.glci.cluster.Applied.Outcome;
import io.gardenlinux.glci.model.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Creates or updates objects so that applying the same objects twice changes nothing the second time: an object the
 * cluster already holds with every field glci sets (fields the server adds, such as Tekton's defaults, do not
 * count) is left alone; any other is updated in place, never deleted and recreated.
 *
 * <p>Server-side apply would do the same in one call, but fabric8's mock API server (the one glci is tested
 * against) supports neither server-side apply nor strategic merge patches (fabric8io/kubernetes-client#5337), so
 * glci reads, compares and updates.
 */
public final class Applier {

    /** Kinds glci applies that live outside any namespace; every other kind it applies is namespaced. */
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("Namespace", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition");

    private final ClusterConnection connection;
    private final Reporter reporter;

    public Applier(ClusterConnection connection, Reporter reporter) {
        this.connection = connection;
        this.reporter = reporter;
    }

    /**
     * Applies the objects in order; namespaced objects go into the connection's namespace. When one fails, an
     * {@link ApplyException} lists those applied before it.
     */
    public List<Applied> apply(List<? extends HasMetadata> objects) {
        List<Applied> applied = new ArrayList<>();
        for (HasMetadata object : objects) {
            try {
                Applied result = apply(object);
                applied.add(result);
                reporter.info(result.kind() + " " + result.name() + ": " + result.outcome());
            } catch (ClusterException e) {
                throw new ApplyException(e, applied);
            }
        }
        return List.copyOf(applied);
    }

    private Applied apply(HasMetadata desired) {
        KubernetesClient client = connection.client();
        String kind = desired.getKind();
        String name = desired.getMetadata().getName();
        String doing = "applying " + kind + " " + name;
        Resource<HasMetadata> resource = connection.call(doing, () -> namespaced(client, desired));
        HasMetadata existing = connection.call("reading " + kind + " " + name, resource::get);
        if (existing == null) {
            try {
                resource.create();
                return new Applied(kind, name, Outcome.CREATED);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw ClusterException.of(e, "creating " + kind + " " + name, connection.where());
                }
                existing = connection.call("reading " + kind + " " + name, resource::get);
            }
        }
        if (contains(client, existing, desired)) {
            return new Applied(kind, name, Outcome.UNCHANGED);
        }
        HasMetadata update = client.getKubernetesSerialization().clone(desired);
        update.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        connection.call("updating " + kind + " " + name, () -> client.resource(update)
                .inNamespace(namespaceOf(client, update)).update());
        return new Applied(kind, name, Outcome.UPDATED);
    }

    private Resource<HasMetadata> namespaced(KubernetesClient client, HasMetadata object) {
        String namespace = namespaceOf(client, object);
        return namespace == null ? client.resource(object) : client.resource(object).inNamespace(namespace);
    }

    private String namespaceOf(KubernetesClient client, HasMetadata object) {
        boolean namespaced = object instanceof Namespaced
                || (object instanceof GenericKubernetesResource && !CLUSTER_SCOPED_KINDS.contains(object.getKind()));
        return namespaced ? connection.namespace() : null;
    }

    /** Whether the cluster's object holds every field of the desired one (metadata: its labels and annotations). */
    @SuppressWarnings("unchecked")
    static boolean contains(KubernetesClient client, HasMetadata existing, HasMetadata desired) {
        Map<String, Object> have = client.getKubernetesSerialization().convertValue(existing, Map.class);
        Map<String, Object> want = client.getKubernetesSerialization().convertValue(desired, Map.class);
        for (Map.Entry<String, Object> entry : want.entrySet()) {
            String key = entry.getKey();
            if (key.equals("status")) {
                continue;
            }
            if (key.equals("metadata")) {
                Map<String, Object> wantMeta = (Map<String, Object>) entry.getValue();
                Map<String, Object> haveMeta = (Map<String, Object>) have.get("metadata");
                for (String part : List.of("labels", "annotations")) {
                    if (wantMeta.get(part) != null && !subset(haveMeta.get(part), wantMeta.get(part))) {
                        return false;
                    }
                }
                continue;
            }
            if (!subset(have.get(key), entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean subset(Object have, Object want) {
        if (want instanceof Map<?, ?> wantMap) {
            if (!(have instanceof Map<?, ?> haveMap)) {
                return false;
            }
            return wantMap.entrySet().stream().allMatch(e -> subset(haveMap.get(e.getKey()), e.getValue()));
        }
        if (want instanceof List<?> wantList) {
            if (!(have instanceof List<?> haveList) || haveList.size() != wantList.size()) {
                return false;
            }
            for (int i = 0; i < wantList.size(); i++) {
                if (!subset(haveList.get(i), wantList.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (want instanceof Number wantNumber && have instanceof Number haveNumber) {
            return wantNumber.toString().equals(haveNumber.toString());
        }
        return Objects.equals(have, want);
    }
}
