package io.gardenlinux.glci.render.pipelines;

import static io.gardenlinux.glci.render.tekton.ParamSpec.optional;
import static io.gardenlinux.glci.render.tekton.ParamSpec.required;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.gardenlinux.glci.model.credentials.GithubCredentials;
import io.gardenlinux.glci.render.tekton.Param;
import io.gardenlinux.glci.render.tekton.ParamSpec;
import io.gardenlinux.glci.render.tekton.Pipeline;
import io.gardenlinux.glci.render.tekton.PipelineRun;
import io.gardenlinux.glci.render.tekton.PipelineTask;
import io.gardenlinux.glci.render.tekton.Step;
import io.gardenlinux.glci.render.tekton.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The original's integration tests (its static {@code integrationtests/} resources) for Tekton v1: the Task
 * {@code integrationtest-gardenlinux-task} runs Garden Linux's pytest suite against an image in AWS or GCP, the Pipeline
 * {@code integrationtests-all} runs it for both in parallel. Without PipelineResources, the Task clones the repository
 * itself with the basic-auth Secret {@value #GIT_SECRET}; the test machines' credentials come from the Secret
 * {@value #TEST_SECRET}.
 */
public final class IntegrationTests {

    public static final String TASK = "integrationtest-gardenlinux-task";
    public static final String PIPELINE = "integrationtests-all";
    /** The basic-auth Secret the clone step reads (and Tekton's git credential initialisation would). */
    public static final String GIT_SECRET = "github-com-user";
    /** Files {@code id_rsa}, {@code aws_access_key_id}, {@code aws_secret_access_key}, {@code gcp_project} and
     * {@code gcp_service_account.json} of the test machines' accounts. */
    public static final String TEST_SECRET = "integration-test-credentials";
    static final String TEST_IMAGE = "eu.gcr.io/gardener-project/cc/job-image:1.682.0";
    static final String GIT_IMAGE = "alpine/git:2.45.2";
    static final Duration TIMEOUT = Duration.ofHours(2);

    private IntegrationTests() {
    }

    /** The Task: clone, write {@code tests/test_config.yaml}, run {@code pytest --iaas=<iaas> integration/}. */
    public static Task task() {
        List<ParamSpec> params = List.of(
                required("iaas", "where the tests run: aws or gcp"),
                optional("ami_id", "the AMI to test (aws)", "replaceme_aws"),
                optional("gcp_image_name", "the image to test (gcp)", "replaceme_gcp"),
                optional("giturl", "Garden Linux git repository", GardenlinuxTasks.GITHUB_URL),
                optional("committish", "commit whose tests run", "main"),
                optional("repo_dir", "where the repository is cloned to", GardenlinuxTasks.REPO_DIR_DEFAULT),
                optional("git_image", "an image with git", GIT_IMAGE),
                optional("test_image", "an image with Python 3, pytest and make", TEST_IMAGE));
        List<EnvVar> cloneEnv = new ArrayList<>(StepFactory.paramEnv("giturl", "committish", "repo_dir"));
        cloneEnv.add(secretRef("GIT_USERNAME", "username"));
        cloneEnv.add(secretRef("GIT_PASSWORD", "password"));
        Step clone = Step.of("clone-repo", "$(params.git_image)", """
                #!/bin/sh
                set -eu
                # the credential helper answers git from the environment: the password is in no argument and no file
                git -c credential.helper='!f() { echo "username=${GIT_USERNAME}"; echo "password=${GIT_PASSWORD}"; }; f' \\
                  clone "${GITURL}" "${REPO_DIR}"
                git -C "${REPO_DIR}" checkout "${COMMITTISH}"
                git -C "${REPO_DIR}" log -1 --format='%H %s'
                """, cloneEnv, List.of());
        Step test = Step.of("integration-test", "$(params.test_image)", """
                #!/usr/bin/env bash
                set -euo pipefail
                creds=/integration-test
                IFS= read -r aws_access_key_id < "${creds}/aws_access_key_id"
                IFS= read -r aws_secret_access_key < "${creds}/aws_secret_access_key"
                IFS= read -r gcp_project < "${creds}/gcp_project"
                cat > "${REPO_DIR}/tests/test_config.yaml" <<EOF
                aws:
                  region: eu-west-1
                  access_key_id: "${aws_access_key_id}"
                  secret_access_key: "${aws_secret_access_key}"
                  ami_id: "${AMI_ID}"
                  ssh_key_filepath: ${creds}/id_rsa
                  user: admin
                  key_name: gardenlinux-test
                  remote_path: /
                gcp:
                  project: "${gcp_project}"
                  zone: europe-west1-d
                  service_account_json_path: ${creds}/gcp_service_account.json
                  machine_type: n1-standard-1
                  image_project: "${gcp_project}"
                  image_name: "${GCP_IMAGE_NAME}"
                  user: admin
                  remote_path: /
                EOF
                cd "${REPO_DIR}/tests"
                pytest --iaas="${IAAS}" integration/
                """,
                StepFactory.paramEnv("repo_dir", "iaas", "ami_id", "gcp_image_name"),
                List.of(new VolumeMountBuilder().withName(TEST_SECRET).withMountPath("/integration-test")
                        .withReadOnly(true).build()));
        return new Task(TASK, "Runs Garden Linux's integration tests against an image in AWS or GCP.", params,
                List.of(), List.of(clone, test), List.of(new VolumeBuilder().withName(TEST_SECRET).withNewSecret()
                        .withSecretName(TEST_SECRET).endSecret().build()));
    }

    private static EnvVar secretRef(String name, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName(GIT_SECRET)
                .withKey(key).endSecretKeyRef().endValueFrom().build();
    }

    /** The Pipeline: the AWS and the GCP tests in parallel. */
    public static Pipeline pipeline() {
        return new Pipeline(PIPELINE, "Runs the integration tests in AWS and GCP.", List.of(
                optional("ami_id", "the AMI to test", "replaceme_aws"),
                optional("gcp_image_name", "the GCP image to test", "replaceme_gcp"),
                optional("giturl", "Garden Linux git repository", GardenlinuxTasks.GITHUB_URL),
                optional("committish", "commit whose tests run", "main")), List.of(
                        new PipelineTask("integrationtest-aws", TASK, List.of(new Param("iaas", "aws"),
                                Param.forward("ami_id"), Param.forward("giturl"), Param.forward("committish")),
                                List.of(), TIMEOUT),
                        new PipelineTask("integrationtest-gcp", TASK, List.of(new Param("iaas", "gcp"),
                                Param.forward("gcp_image_name"), Param.forward("giturl"),
                                Param.forward("committish")), List.of(), TIMEOUT)),
                List.of());
    }

    /** A run of the tests of {@code committish}: {@code integrationtests-all-<commit[:6]>-<last 4 digits of time>}. */
    public static PipelineRun run(String committish, String gitUrl, String amiId, String gcpImageName, Instant now) {
        String seconds = Long.toString(now.getEpochSecond());
        String name = PIPELINE + "-" + committish.substring(0, Math.min(6, committish.length())).toLowerCase()
                + "-" + seconds.substring(Math.max(0, seconds.length() - 4));
        return new PipelineRun(name, PIPELINE, List.of(new Param("ami_id", amiId),
                new Param("gcp_image_name", gcpImageName), new Param("giturl", gitUrl),
                new Param("committish", committish)), null, null, TIMEOUT.plusHours(1));
    }

    /**
     * The Secret {@value #GIT_SECRET} from a {@code github} credential's first technical user, in the shape of the
     * original README ({@code kubernetes.io/basic-auth}, annotation {@code tekton.dev/git-0}). It holds a password:
     * it is applied to the cluster, never written to a file.
     */
    public static Secret gitCredentialsSecret(GithubCredentials github) {
        GithubCredentials.TechnicalUser user = github.technicalUser();
        String password = user.password().or(user::authToken).orElseThrow(() -> new IllegalStateException(
                "github credential '" + github.name() + "': technical user '" + user.username()
                        + "' has neither password nor authToken")).reveal();
        return new SecretBuilder().withNewMetadata().withName(GIT_SECRET)
                .withAnnotations(Map.of("tekton.dev/git-0", github.httpUrl())).endMetadata()
                .withType("kubernetes.io/basic-auth")
                .withStringData(Map.of("username", user.username(), "password", password))
                .build();
    }
}
