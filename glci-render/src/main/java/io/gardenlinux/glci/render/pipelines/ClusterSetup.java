package io.gardenlinux.glci.render.pipelines;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.List;
import java.util.Map;

/**
 * The cluster prerequisites of the original README: the namespace, the LimitRange {@code gardenlinux} for
 * containers, and the ClusterRole {@code incluster-tektonaccess} (read Tekton objects, pods and their logs; the
 * {@code get-logs} step needs it) bound to the namespace's {@code default} ServiceAccount.
 */
public final class ClusterSetup {

    public static final String LIMIT_RANGE = "gardenlinux";
    public static final String CLUSTER_ROLE = "incluster-tektonaccess";

    private ClusterSetup() {
    }

    /** The objects, in the order they must be applied. */
    public static List<HasMetadata> objects(String namespace) {
        return List.of(
                new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build(),
                new LimitRangeBuilder().withNewMetadata().withName(LIMIT_RANGE).withNamespace(namespace).endMetadata()
                        .withNewSpec().addNewLimit()
                        .withType("Container")
                        .withMax(Map.of("ephemeral-storage", new Quantity("128Gi")))
                        .withMin(Map.of("ephemeral-storage", new Quantity("16Gi")))
                        .withDefault(Map.of("ephemeral-storage", new Quantity("128Gi"),
                                "memory", new Quantity("24G"), "cpu", new Quantity("16")))
                        .withDefaultRequest(Map.of("ephemeral-storage", new Quantity("20Gi"),
                                "memory", new Quantity("4G"), "cpu", new Quantity("1")))
                        .endLimit().endSpec().build(),
                new ClusterRoleBuilder().withNewMetadata().withName(CLUSTER_ROLE).endMetadata()
                        .withRules(new PolicyRuleBuilder().withApiGroups("tekton.dev").withResources("*")
                                        .withVerbs("get", "list", "watch").build(),
                                new PolicyRuleBuilder().withApiGroups("").withResources("pods", "pods/log")
                                        .withVerbs("get", "list", "watch").build())
                        .build(),
                new ClusterRoleBindingBuilder().withNewMetadata().withName(CLUSTER_ROLE + "-" + namespace)
                        .endMetadata()
                        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
                        .withName(CLUSTER_ROLE).endRoleRef()
                        .addNewSubject().withKind("ServiceAccount").withName("default").withNamespace(namespace)
                        .endSubject()
                        .build());
    }
}
