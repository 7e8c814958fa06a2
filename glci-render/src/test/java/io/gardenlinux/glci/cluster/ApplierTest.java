package io.gardenlinux.glci.cluster;

import io.gardenlinux.glci.render.tekton.TektonApi;
import static io.gardenlinux.glci.cluster.MockCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gardenlinux.glci.cluster.Applied.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, kubernetesClientBuilderCustomizer = PatientClient.class)
class ApplierTest {

    KubernetesMockServer server;
    KubernetesClient client;

    private final RecordingReporter reporter = new RecordingReporter();
    private ClusterConnection connection;

    @BeforeEach
    void cluster() {
        MockCluster.installTekton(server, client, TektonApi.V1);
        connection = MockCluster.connect(client, TektonApi.V1);
    }

    private static GenericKubernetesResource tekton(String kind, String name, Map<String, Object> spec) {
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion(TektonApi.V1.apiVersion());
        resource.setKind(kind);
        resource.setMetadata(new ObjectMetaBuilder().withName(name).addToLabels("app", "glci").build());
        resource.setAdditionalProperty("spec", spec);
        return resource;
    }

    private static List<HasMetadata> documents(String image) {
        return List.of(
                new LimitRangeBuilder().withNewMetadata().withName("gardenlinux").endMetadata().withNewSpec()
                        .addNewLimit().withType("Container").addToDefault("memory", new Quantity("24G"))
                        .endLimit().endSpec().build(),
                new ClusterRoleBuilder().withNewMetadata().withName("incluster-tektonaccess").endMetadata()
                        .addNewRule().withApiGroups("tekton.dev").withResources("*")
                        .withVerbs("get", "list", "watch").endRule().build(),
                tekton("Task", "build-baseimage", Map.of("steps", List.of(Map.of("name", "build", "image", image)))),
                tekton("Pipeline", "gardenlinux-build", Map.of("tasks", List.of(Map.of("name", "build-baseimage",
                        "taskRef", Map.of("name", "build-baseimage"))))));
    }

    private String resourceVersion(String kind, String name) {
        return client.genericKubernetesResources(TektonApi.V1.apiVersion(), kind).inNamespace(NAMESPACE)
                .withName(name).get().getMetadata().getResourceVersion();
    }

    @Test
    void applyingTwiceChangesNothingTheSecondTime() {
        Applier applier = new Applier(connection, reporter);

        assertThat(applier.apply(documents("debian:bookworm"))).extracting(Applied::outcome)
                .containsOnly(Outcome.CREATED).hasSize(4);
        String task = resourceVersion("Task", "build-baseimage");
        String pipeline = resourceVersion("Pipeline", "gardenlinux-build");
        String limitRange = client.limitRanges().inNamespace(NAMESPACE).withName("gardenlinux").get().getMetadata()
                .getResourceVersion();

        assertThat(applier.apply(documents("debian:bookworm"))).extracting(Applied::outcome)
                .containsOnly(Outcome.UNCHANGED).hasSize(4);
        assertThat(resourceVersion("Task", "build-baseimage")).isEqualTo(task);
        assertThat(resourceVersion("Pipeline", "gardenlinux-build")).isEqualTo(pipeline);
        assertThat(client.limitRanges().inNamespace(NAMESPACE).withName("gardenlinux").get().getMetadata()
                .getResourceVersion()).isEqualTo(limitRange);
        assertThat(client.rbac().clusterRoles().withName("incluster-tektonaccess").get()).isNotNull();
    }

    @Test
    void aChangedDocumentIsUpdatedInPlace() {
        Applier applier = new Applier(connection, reporter);
        applier.apply(documents("debian:bookworm"));
        String uid = client.genericKubernetesResources(TektonApi.V1.apiVersion(), "Task").inNamespace(NAMESPACE)
                .withName("build-baseimage").get().getMetadata().getUid();

        List<Applied> second = applier.apply(documents("debian:trixie"));

        assertThat(second).containsExactly(new Applied("LimitRange", "gardenlinux", Outcome.UNCHANGED),
                new Applied("ClusterRole", "incluster-tektonaccess", Outcome.UNCHANGED),
                new Applied("Task", "build-baseimage", Outcome.UPDATED),
                new Applied("Pipeline", "gardenlinux-build", Outcome.UNCHANGED));
        GenericKubernetesResource task = client.genericKubernetesResources(TektonApi.V1.apiVersion(), "Task")
                .inNamespace(NAMESPACE).withName("build-baseimage").get();
        assertThat(task.getMetadata().getUid()).as("the same object, not recreated").isEqualTo(uid);
        assertThat(task.get("spec", "steps", 0, "image").toString()).isEqualTo("debian:trixie");
    }

    @Test
    void fieldsTheServerAddsDoNotCountAsChanges() {
        Applier applier = new Applier(connection, reporter);
        applier.apply(documents("debian:bookworm"));
        // Tekton's webhook fills in defaults, e.g. a parameter's type
        client.genericKubernetesResources(TektonApi.V1.apiVersion(), "Task").inNamespace(NAMESPACE)
                .withName("build-baseimage").edit(t -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> spec = new java.util.LinkedHashMap<>((Map<String, Object>) t
                            .getAdditionalProperties().get("spec"));
                    spec.put("params", List.of(Map.of("name", "x", "type", "string")));
                    t.setAdditionalProperty("spec", spec);
                    return t;
                });

        assertThat(applier.apply(documents("debian:bookworm"))).extracting(Applied::outcome)
                .containsOnly(Outcome.UNCHANGED);
    }

    @Test
    void stoppingHalfwayListsWhatWasApplied() {
        server.expect().post().withPath("/apis/tekton.dev/v1/namespaces/" + NAMESPACE + "/pipelines")
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
                        .withMessage("pipelines.tekton.dev is forbidden: User \"ci\" cannot create resource"
                                + " \"pipelines\" in API group \"tekton.dev\" in the namespace \"gardenlinux\"")
                        .build())
                .once();

        assertThatThrownBy(() -> new Applier(connection, reporter).apply(documents("debian:bookworm")))
                .isInstanceOfSatisfying(ApplyException.class, e -> assertThat(e.applied()).hasSize(3))
                .hasMessageStartingWith("creating Pipeline gardenlinux-build: forbidden by RBAC in cluster ")
                .hasMessageContaining("User \"ci\" cannot create resource \"pipelines\"")
                .hasMessageEndingWith("; grant the kubeconfig's user that right (a Role or ClusterRole bound to it);"
                        + " applied before it stopped: LimitRange gardenlinux (created), ClusterRole"
                        + " incluster-tektonaccess (created), Task build-baseimage (created)");
    }
}
