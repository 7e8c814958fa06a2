package io.gardenlinux.glci.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.gardenlinux.glci.cluster.RunFailedException;
import io.gardenlinux.glci.cluster.RunFailedException.FailedTask;
import io.gardenlinux.glci.cluster.RunState;
import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.config.CicdConfig;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.model.credentials.EmailCredentials;
import io.gardenlinux.glci.publish.notify.Notifier;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glci.notify} of {@code glci:watch}/{@code glci:trigger}: a failed run mailed to the local HEAD's people. */
class FailedRunNoticeTest {

    private static final RunFailedException FAILURE = new RunFailedException("PipelineRun gl-318 failed", "gl-318",
            RunState.FAILED, List.of(new FailedTask("build-gcp", "Failed: step build exited with 2"),
                    new FailedTask("promote", "TaskRunCancelled: x")));

    @TempDir
    Path tmp;

    private GreenMail smtp;
    private Path checkout;
    private final List<String> warnings = new ArrayList<>();
    private final Reporter reporter = new Reporter() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        checkout = tmp.resolve("checkout");
        try (Git git = Git.init().setDirectory(checkout.toFile()).call()) {
            Files.writeString(checkout.resolve("VERSION"), "318.0\n");
            git.add().addFilepattern("VERSION").call();
            git.commit().setMessage("bump the kernel")
                    .setAuthor(new PersonIdent("Author", "author@example.org"))
                    .setCommitter(new PersonIdent("Committer", "committer@example.org")).call();
        }
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private EmailCredentials email(int port) {
        return new EmailCredentials("ci-mail", "127.0.0.1", port, false, "Tekton CI <ci@gardenlinux.example>",
                List.of(), Optional.empty(), Optional.empty());
    }

    private FailedRunNotice notice(boolean enabled, int port) {
        return new FailedRunNotice(enabled, checkout, "gardenlinux", null, () -> email(port), Duration.ofSeconds(20));
    }

    @Test
    void aFailedRunIsMailedToTheAuthorAndCommitterWithTheFailedTaskNames() throws Exception {
        Optional<Notifier.Result> result = notice(true, smtp.getSmtp().getPort()).tell(FAILURE, reporter);

        assertThat(result).map(Notifier.Result::outcome).contains(Notifier.Outcome.SENT);
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(Arrays.stream(message.getAllRecipients()).map(Address::toString))
                .containsExactly("author@example.org", "committer@example.org");
        Multipart alternative = (Multipart) ((Multipart) message.getContent()).getBodyPart(0).getContent();
        String text = ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertThat(text).contains("bump the kernel", "  - build-gcp\n  - promote\n",
                "https://tekton-dashboard.gardenlinux.io/#/namespaces/gardenlinux/pipelineruns/gl-318");
        assertThat(warnings).isEmpty();
    }

    @Test
    void withoutGlciNotifyNothingIsSentAndTheCredentialIsNotRead() {
        FailedRunNotice notice = new FailedRunNotice(false, checkout, "gardenlinux", "", () -> {
            throw new AssertionError("the email credential must not be read");
        }, Duration.ofSeconds(20));

        assertThat(notice.tell(FAILURE, reporter)).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMailThatCannotBeSentIsAWarning() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertThat(notice(true, closed).tell(FAILURE, reporter)).isEmpty();
        assertThat(warnings).singleElement().asString()
                .startsWith("Could not send the failure mail for PipelineRun gl-318: SMTP server 127.0.0.1:" + closed);
    }

    @Test
    void theEmailCredentialIsNamedByGlciEmailConfigElseByCicdYaml() {
        Credentials credentials = Credentials.readDocument("""
                {"email": {"from-cicd": {"host": "smtp.cicd.example", "sender_name": "ci@example.org"},
                           "from-parameter": {"host": "smtp.param.example", "sender_name": "ci@example.org"}}}
                """.getBytes(StandardCharsets.UTF_8), "test credentials");
        CicdConfig withNotify = config(Optional.of(new CicdConfig.NotificationConfig("from-cicd")));

        assertThat(FailedRunNotice.email(Optional.of("from-parameter"), () -> withNotify, () -> credentials).host())
                .isEqualTo("smtp.param.example");
        assertThat(FailedRunNotice.email(Optional.empty(), () -> withNotify, () -> credentials).host())
                .isEqualTo("smtp.cicd.example");
        assertThatThrownBy(() -> FailedRunNotice.email(Optional.of(" "), () -> config(Optional.empty()),
                () -> credentials))
                .isInstanceOf(GlciException.class)
                .hasMessageContaining("configuration 'default' has no notify.email_cfg_name and glci.emailConfig");
    }

    private static CicdConfig config(Optional<CicdConfig.NotificationConfig> notification) {
        return new CicdConfig("default", new CicdConfig.BuildConfig("aws", "eu-central-1", "bucket", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(),
                Optional.empty(), notification);
    }
}
