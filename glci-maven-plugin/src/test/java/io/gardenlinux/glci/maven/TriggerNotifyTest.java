package io.gardenlinux.glci.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.gardenlinux.glci.cluster.MockTektonCluster;
import io.gardenlinux.glci.cluster.MockTektonCluster.Runs;
import io.gardenlinux.glci.render.RenderOptions;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glci:trigger -Dglci.imageBuild -Dglci.wait -Dglci.notify} end to end: a Garden Linux checkout (the sample
 * tree, committed with JGit), the mock Tekton cluster failing the run, the failure mail received by GreenMail.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TriggerNotifyTest {

    @TempDir
    Path tmp;

    private GreenMail smtp;
    private Path checkout;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void checkoutAndMailServer() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        checkout = tmp.resolve("gardenlinux");
        copy(ClusterGoalsMojoTest.GARDENLINUX, checkout);
        Path cfg = Files.createDirectories(checkout.resolve("ci").resolve("cfg"));
        // no GitHub is asked: the failure mail goes to the local HEAD's author and committer
        NotifyMojoTest.credentials(cfg, smtp.getSmtp().getPort(), "http://127.0.0.1:9");
        Files.writeString(checkout.resolve("ci").resolve("cicd.yaml"), """
                cicd_cfgs:
                  - name: default
                    build: { aws_cfg_name: gardenlinux, aws_region: eu-central-1, s3_bucket_name: gardenlinux }
                    notify: { email_cfg_name: ci-mail }
                """);
        try (Git git = Git.init().setInitialBranch("main").setDirectory(checkout.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("kvm: use the cloud kernel\n\nfor the new flavour")
                    .setAuthor(new PersonIdent("Ada Author", "ada@example.org"))
                    .setCommitter(new PersonIdent("Carl Committer", "carl@example.org")).call();
        }
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void aFailedRunIsMailedToTheAuthorAndCommitterOfTheLocalHeadAndTheGoalFails() throws Exception {
        try (MockTektonCluster cluster = MockTektonCluster.start(Files.createDirectories(tmp.resolve("cluster")),
                "v1", Runs.FAIL)) {
            TriggerMojo trigger = new TriggerMojo() {
                @Override
                protected Optional<String> env(String name) {
                    return Optional.empty();
                }
            };
            trigger.setLog(log);
            trigger.repoRoot = checkout.toFile();
            trigger.kubeconfig = cluster.kubeconfig().toFile();
            trigger.amiId = "replaceme_aws";
            trigger.gcpImageName = "replaceme_gcp";
            trigger.stepImage = RenderOptions.DEFAULT_STEP_IMAGE;
            trigger.outputDirectory = tmp.resolve("glci").toFile();
            trigger.imageBuild = true;
            trigger.waitForRuns = true;
            trigger.notifyOnFailure = true;
            trigger.dashboardUrl = "https://dashboard.example";
            // a guard for a broken test, far above what the simulated run takes
            trigger.timeout = "8m";

            Throwable failure = catchThrowable(trigger::execute);

            List<String> runs = cluster.names("PipelineRun");
            assertThat(runs).singleElement().asString().startsWith("gardenlinux-");
            assertThat(failure).isInstanceOf(MojoFailureException.class).hasMessage("PipelineRun " + runs.get(0)
                    + " failed: Failed: Tasks Completed: 2 (Failed: 1, Cancelled 0), Skipped: 1; failed tasks:"
                    + " kvm-amd64: Failed: \"step-build\" exited with code 2");
            // one message, delivered once to each recipient
            assertThat(smtp.waitForIncomingEmail(60_000, 2)).isTrue();
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(2);
            MimeMessage message = received[0];
            assertThat(Arrays.stream(message.getAllRecipients()).map(Address::toString))
                    .containsExactly("ada@example.org", "carl@example.org");
            assertThat(message.getSubject()).isEqualTo("[Action Required] - gardenlinux build failed");
            Multipart alternative = (Multipart) ((Multipart) message.getContent()).getBodyPart(0).getContent();
            String text = ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n");
            assertThat(text).contains("kvm: use the cloud kernel", "for the new flavour", "  - kvm-amd64\n",
                    "https://dashboard.example/#/namespaces/gardenlinux/pipelineruns/" + runs.get(0));
            assertThat((String) alternative.getBodyPart(1).getContent()).contains("<li>kvm-amd64</li>");
            assertThat(log.text()).doesNotContain("Could not send the failure mail");
        }
    }
}
