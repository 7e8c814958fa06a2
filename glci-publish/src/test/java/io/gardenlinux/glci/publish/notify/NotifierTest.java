package io.gardenlinux.glci.publish.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.credentials.Credentials;
import io.gardenlinux.glci.model.credentials.EmailCredentials;
import io.gardenlinux.glci.model.credentials.Secret;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
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

class NotifierTest {

    private static final RunStatus FAILED_BUILD = RunStatus.parse("""
            {"status_build-aws": "Succeeded", "status_build-gcp": "Failed", "status_promote": "None"}""");
    private static final String SENDER = "Tekton CI <ci@gardenlinux.example>";

    @TempDir
    Path tmp;

    private GreenMail smtp;
    private GithubStub github;
    private Path checkout;
    private final List<String> lines = new ArrayList<>();
    private final Reporter reporter = new Reporter() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add("WARN " + message);
        }
    };

    @BeforeEach
    void servers() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        github = new GithubStub()
                .user("alice", "alice@example.org")
                .user("bob", null)
                .user("carol", "carol@example.org")
                .user("dave", "dave@example.org")
                .user("erin", "erin@blocked.example")
                .team("gardenlinux/maintainers", "carol", "dave", "erin");
        checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.writeString(checkout.resolve("CODEOWNERS"), """
                # the whole tree
                *        @alice @gardenlinux/maintainers   owner@example.org
                /ci/     @bob  # bob hides his address
                """);
        Files.createDirectories(checkout.resolve("docs"));
        Files.writeString(checkout.resolve("docs/CODEOWNERS"), "*.md docs-team owner@example.org\n");
    }

    @AfterEach
    void stop() {
        smtp.stop();
        github.close();
    }

    private EmailCredentials email(List<String> blacklist, Optional<String> user, Optional<Secret> password) {
        return new EmailCredentials("ci-mail", "127.0.0.1", smtp.getSmtp().getPort(), false, SENDER, blacklist,
                user, password);
    }

    private Credentials credentials() {
        String json = """
                {"github": {"local-github": {"httpUrl": "%s", "apiUrl": "%s",
                  "technical_users": [{"username": "gardenlinux-bot", "authToken": "api-token"}]}}}
                """.formatted(github.httpUrl(), github.apiUrl());
        return Credentials.readDocument(json.getBytes(StandardCharsets.UTF_8), "test credentials");
    }

    private Notifier.RunRequest request(RunStatus status, String only, String additional, boolean disabled,
            EmailCredentials email) {
        return new Notifier.RunRequest(status, only, additional, disabled, "gardenlinux-build",
                "gardenlinux-build-318-0-abc", "gardenlinux", "0123abc", "https://dashboard.example/",
                checkout.resolve("build_log.zip"), checkout, Optional.of(github.httpUrl() + "/gardenlinux/gardenlinux"),
                this::credentials, () -> email);
    }

    private Notifier.Result notify(Notifier.RunRequest request) {
        return new Notifier(reporter, Duration.ofSeconds(20)).notifyRun(request);
    }

    private static List<String> to(MimeMessage message) throws Exception {
        return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
    }

    @Test
    void codeOwnersAndAdditionalRecipientsAreResolvedThroughTheGithubApi() throws Exception {
        Notifier.Result result = notify(request(FAILED_BUILD, " ", "extra@example.org; ;owner@example.org", false,
                email(List.of(), Optional.empty(), Optional.empty())));

        assertThat(result.outcome()).isEqualTo(Notifier.Outcome.SENT);
        assertThat(result.recipients()).containsExactlyInAnyOrder("owner@example.org", "alice@example.org",
                "carol@example.org", "dave@example.org", "erin@blocked.example", "extra@example.org");
        MimeMessage[] received = smtp.getReceivedMessages();
        // one message, delivered once per recipient
        assertThat(received).hasSize(6);
        assertThat(to(received[0])).containsExactlyInAnyOrderElementsOf(result.recipients());
        assertThat(github.authorizations).isNotEmpty().allMatch("Bearer api-token"::equals);
        // the team's second page was read too
        assertThat(github.requests).contains("GET /orgs/gardenlinux/teams/maintainers/members?per_page=100",
                "GET /orgs/gardenlinux/teams/maintainers/members?per_page=2&page=2");
        assertThat(lines).contains("WARN GitHub user @bob has no public email address - not notified",
                "WARN docs/CODEOWNERS:1: 'docs-team' is neither @user, @org/team nor an email address - ignored");
        assertThat(String.join("\n", lines)).doesNotContain("api-token");
    }

    @Test
    void onlyRecipientsReplaceCodeOwnersAndAdditionalRecipients() throws Exception {
        Notifier.Result result = notify(request(FAILED_BUILD, "lead@example.org; qa@example.org ;lead at example",
                "extra@example.org",
                false, email(List.of(), Optional.empty(), Optional.empty())));

        assertThat(result.recipients()).containsExactly("lead@example.org", "qa@example.org");
        assertThat(to(smtp.getReceivedMessages()[0])).containsExactly("lead@example.org", "qa@example.org");
        assertThat(github.requests).isEmpty();
        assertThat(lines).contains("WARN not notifying 'lead at example': not a mail address");
    }

    @Test
    void theBlacklistRemovesRecipientsAndNobodyLeftMeansNoMail() throws Exception {
        Notifier.Result result = notify(request(FAILED_BUILD, "", "", false,
                email(List.of(".*@blocked\\.example", "ALICE@.*"), Optional.empty(), Optional.empty())));
        assertThat(result.recipients()).containsExactlyInAnyOrder("owner@example.org", "carol@example.org",
                "dave@example.org");
        assertThat(lines).contains("not notifying erin@blocked.example: blacklisted in email credential 'ci-mail'");

        smtp.reset();
        Notifier.Result nobody = notify(request(FAILED_BUILD, "x@blocked.example", "", false,
                email(List.of(".*@blocked\\.example"), Optional.empty(), Optional.empty())));
        assertThat(nobody.outcome()).isEqualTo(Notifier.Outcome.NO_RECIPIENT);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(lines).contains("WARN Mail not sent, could not find any recipient.");
    }

    @Test
    void disabledNotificationsSendNothing() {
        Notifier.Result result = notify(request(FAILED_BUILD, "lead@example.org", "", true,
                email(List.of(), Optional.empty(), Optional.empty())));
        assertThat(result.outcome()).isEqualTo(Notifier.Outcome.DISABLED);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(lines).contains("Notification is disabled, not sending email");
    }

    @Test
    void noMailWhenEveryTaskSucceeded() {
        RunStatus succeeded = RunStatus.parse("{\"status_build\": \"Succeeded\", \"status_promote\": \"Succeeded\"}");
        Notifier.RunRequest request = request(succeeded, "lead@example.org", "", false, null);
        // a run without failures needs no mail configuration
        Notifier.Result result = notify(new Notifier.RunRequest(request.status(), request.onlyRecipients(),
                request.additionalRecipients(), false, request.pipeline(), request.run(), request.namespace(),
                request.committish(), request.dashboardUrl(), request.logArchive(), request.checkout(),
                request.gitUrl(), request.credentials(), () -> {
                    throw new AssertionError("the email credential was read");
                }));
        assertThat(result.outcome()).isEqualTo(Notifier.Outcome.ALL_SUCCEEDED);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(github.requests).isEmpty();
    }

    @Test
    void theMailHasAnHtmlAndATextPartWithTheStatusTableAndTheDashboardLink() throws Exception {
        notify(request(FAILED_BUILD, "lead@example.org", "", false,
                email(List.of(), Optional.empty(), Optional.empty())));

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Tekton Pipeline Garden Linux build failure in gardenlinux-build");
        assertThat(message.getFrom()).extracting(Address::toString).containsExactly(SENDER);
        assertThat(message.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(1); // no log archive in the checkout
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        assertThat(text.isMimeType("text/plain")).isTrue();
        assertThat(html.isMimeType("text/html")).isTrue();

        String link = "https://dashboard.example/#/namespaces/gardenlinux/pipelineruns/gardenlinux-build-318-0-abc";
        String htmlBody = (String) html.getContent();
        assertThat(htmlBody)
                .contains("<tr><td class=\"align_left\">status_build-aws</td><td class=\"status\" title=\"Succeeded\">"
                        + "\u2705</td></tr>")
                .contains("<tr><td class=\"align_left\">status_build-gcp</td><td class=\"status\" title=\"Failed\">"
                        + "\u274C</td></tr>")
                .contains("<tr><td class=\"align_left\">status_promote</td><td class=\"status\" title=\"None\">?</td>")
                .contains("<a href=\"" + link + "\">Check the Dashboard</a>")
                .contains("run <b>gardenlinux-build-318-0-abc</b> in namespace <b>gardenlinux</b>")
                .doesNotContain("${");
        String textBody = (String) text.getContent();
        assertThat(textBody)
                .contains("status_build-gcp  \u274C Failed")
                .contains("status_promote    ? None")
                .contains("Check the Dashboard: " + link)
                .doesNotContain("<");
    }

    @Test
    void theLogArchiveIsAttached() throws Exception {
        byte[] zip = {'P', 'K', 3, 4, 0, 1, 2, 3, (byte) 0xff};
        Files.write(checkout.resolve("build_log.zip"), zip);

        notify(request(FAILED_BUILD, "lead@example.org", "", false,
                email(List.of(), Optional.empty(), Optional.empty())));

        Multipart mixed = (Multipart) smtp.getReceivedMessages()[0].getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("build_log.zip");
        assertThat(attachment.isMimeType("application/zip")).isTrue();
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(zip);
    }

    @Test
    void aServerThatRefusesTheLoginIsAClearError() {
        smtp.stop();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("ci@gardenlinux.example", "ci",
                        "right-password"));
        smtp.start();

        assertThatThrownBy(() -> notify(request(FAILED_BUILD, "lead@example.org", "", false,
                email(List.of(), Optional.of("ci"), Optional.of(Secret.of("wrong-password"))))))
                .isInstanceOf(GlciException.class)
                .hasMessageStartingWith("SMTP server 127.0.0.1:" + smtp.getSmtp().getPort()
                        + " (email credential 'ci-mail') refused the login of user 'ci': ")
                .hasMessageContaining("535")
                .hasMessageNotContaining("wrong-password");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsNotThereIsAClearError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        EmailCredentials nowhere = new EmailCredentials("ci-mail", "127.0.0.1", port, false, SENDER, List.of(),
                Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> notify(request(FAILED_BUILD, "lead@example.org", "", false, nowhere)))
                .isInstanceOf(GlciException.class)
                .hasMessageStartingWith("SMTP server 127.0.0.1:" + port + " (email credential 'ci-mail') did not"
                        + " take the mail: ");
    }

    @Test
    void aFailedWaitTellsTheAuthorAndCommitterOfTheLocalHead() throws Exception {
        Path local = tmp.resolve("local");
        try (Git git = Git.init().setDirectory(local.toFile()).call()) {
            Files.writeString(local.resolve("VERSION"), "318.0\n");
            git.add().addFilepattern("VERSION").call();
            git.commit().setMessage("bump the kernel\n\nfor CVE-2021-1234")
                    .setAuthor(new PersonIdent("Author", "author@example.org"))
                    .setCommitter(new PersonIdent("Committer", "committer@example.org")).call();
        }

        Notifier.Result result = new Notifier(reporter, Duration.ofSeconds(20)).notifyFailedWait(
                new Notifier.FailedWait(local, "gardenlinux", "gardenlinux-build-318-0-abc",
                        List.of("build-gcp", "promote"), "https://dashboard.example",
                        email(List.of(), Optional.empty(), Optional.empty())));

        assertThat(result.recipients()).containsExactly("author@example.org", "committer@example.org");
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("[Action Required] - gardenlinux build failed");
        Multipart alternative = (Multipart) ((Multipart) message.getContent()).getBodyPart(0).getContent();
        String text = ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertThat(text).contains("This is to inform you about a build error", "bump the kernel",
                "for CVE-2021-1234", "  - build-gcp\n  - promote\n",
                "https://dashboard.example/#/namespaces/gardenlinux/pipelineruns/gardenlinux-build-318-0-abc");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("<li>build-gcp</li>");
    }
}
