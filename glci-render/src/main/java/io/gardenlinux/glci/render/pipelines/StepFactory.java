package io.gardenlinux.glci.render.pipelines;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.gardenlinux.glci.render.GlciVersion;
import io.gardenlinux.glci.render.StepCredentials;
import io.gardenlinux.glci.render.tekton.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds steps. Every Tekton parameter a script needs reaches it as an environment variable named like the parameter
 * in upper case ({@code repo_dir} as {@code REPO_DIR}); scripts use {@code ${VAR}} and never {@code $(...)}, so that
 * no parameter value is ever spliced into script text. Steps that run glci goals get the credentials.
 */
final class StepFactory {

    /** The Tekton parameter holding the image of the glci goal steps. */
    static final String GLCI_IMAGE = "glci_image";
    /** Where the goal steps keep Maven's local repository: steps of one Task share {@code /workspace}. */
    static final String MAVEN_REPOSITORY = "/workspace/.m2/repository";

    private final StepCredentials credentials;

    StepFactory(StepCredentials credentials) {
        this.credentials = credentials;
    }

    /** One argument of a glci goal: {@code -D<property>="${<ENV>}"} with {@code ENV} set to a Tekton expression. */
    record GoalArg(String property, String envName, String value) {

        /** The property takes the value of the Task parameter {@code param}. */
        static GoalArg param(String property, String param) {
            return new GoalArg(property, StepFactory.envName(param), "$(params." + param + ")");
        }
    }

    /** The environment variable name of a parameter. */
    static String envName(String param) {
        return param.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /** {@code NAME=$(params.name)} for each parameter. */
    static List<EnvVar> paramEnv(String... params) {
        List<EnvVar> env = new ArrayList<>();
        for (String param : params) {
            env.add(new EnvVar(envName(param), "$(params." + param + ")", null));
        }
        return env;
    }

    /**
     * A step that runs {@code mvn -B io.gardenlinux.glci:glci-maven-plugin:<this version>:<goal>} in the glci step
     * image with the credentials.
     */
    Step goal(String stepName, String goal, List<GoalArg> args) {
        List<EnvVar> env = new ArrayList<>();
        StringBuilder script = new StringBuilder()
                .append("#!/usr/bin/env bash\n")
                .append("set -euo pipefail\n")
                .append("exec mvn -B -ntp -Dmaven.repo.local=").append(MAVEN_REPOSITORY).append(" \\\n")
                .append("  io.gardenlinux.glci:glci-maven-plugin:").append(GlciVersion.version()).append(':')
                .append(goal);
        for (GoalArg arg : args) {
            env.add(new EnvVar(arg.envName(), arg.value(), null));
            script.append(" \\\n  -D").append(arg.property()).append("=\"${").append(arg.envName()).append("}\"");
        }
        script.append('\n');
        env.addAll(credentialEnv());
        return Step.of(stepName, "$(params." + GLCI_IMAGE + ")", script.toString(), env, credentialMounts());
    }

    /** The first step of every Task: the {@code clone} goal checks out {@code committish} into {@code repo_dir}. */
    Step cloneRepo() {
        return goal("clone-repo-step", "clone", List.of(
                GoalArg.param("glci.repoRoot", "repo_dir"),
                GoalArg.param("glci.gitUrl", "giturl"),
                GoalArg.param("glci.committish", "committish")));
    }

    /** {@code SECRETS_SERVER_CACHE} or {@code SECRETS_SERVER_ENDPOINT}, and the cipher with its key reference. */
    List<EnvVar> credentialEnv() {
        List<EnvVar> env = new ArrayList<>();
        if (credentials.usesSecretsServer()) {
            env.add(new EnvVar("SECRETS_SERVER_ENDPOINT", credentials.secretsServerEndpoint(), null));
        } else {
            env.add(new EnvVar("SECRETS_SERVER_CACHE", StepCredentials.MOUNT_PATH + "/"
                    + StepCredentials.DOCUMENT_KEY, null));
        }
        if (credentials.isEncrypted()) {
            env.add(new EnvVar("SECRET_CIPHER_ALGORITHM", credentials.cipherAlgorithm(), null));
            env.add(new EnvVarBuilder().withName("SECRET_KEY").withNewValueFrom().withNewSecretKeyRef()
                    .withName(StepCredentials.KEY_SECRET_NAME).withKey(StepCredentials.KEY_SECRET_KEY)
                    .endSecretKeyRef().endValueFrom().build());
        }
        return env;
    }

    /** The Secret volume's mount, unless a secrets server is used. */
    List<VolumeMount> credentialMounts() {
        if (credentials.usesSecretsServer()) {
            return List.of();
        }
        return List.of(new VolumeMountBuilder().withName(StepCredentials.VOLUME_NAME)
                .withMountPath(StepCredentials.MOUNT_PATH).withReadOnly(true).build());
    }

    /** The Secret volume, unless a secrets server is used. */
    List<Volume> credentialVolumes() {
        if (credentials.usesSecretsServer()) {
            return List.of();
        }
        return List.of(new VolumeBuilder().withName(StepCredentials.VOLUME_NAME).withNewSecret()
                .withSecretName(StepCredentials.SECRET_NAME).endSecret().build());
    }
}
