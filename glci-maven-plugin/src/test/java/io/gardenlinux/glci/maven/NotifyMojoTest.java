package io.gardenlinux.glci.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.AbstractMojo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glci:notify} as the pipeline's notify step runs it: the clone's CODEOWNERS resolved through a GitHub API stub
 * on 127.0.0.1, the {@code email} credential that {@code cicd.yaml} names, mail sent to GreenMail.
 */
class NotifyMojoTest {

    static final String SENDER = "Tekton CI <ci@gardenlinux.example>";

    @TempDir
    Path tmp;

    private GreenMail smtp;
    private HttpServer github;
    private final List<String> githubRequests = new CopyOnWriteArrayList<>();
    private Path checkout;
    private Path cfg;
    private Path cicd;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void servers() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        github = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        github.createContext("/api/v3/", this::githubApi);
        github.start();

        checkout = Files.createDirectories(tmp.resolve("gardenlinux_git"));
        Files.writeString(checkout.resolve("CODEOWNERS"), "*  @alice owner@example.org\n");
        cfg = Files.createDirectories(tmp.resolve("cfg"));
        cicd = tmp.resolve("cicd.yaml");
        credentials(cfg, smtp.getSmtp().getPort(), githubUrl());
        Files.writeString(cicd, """
                cicd_cfgs:
                  - name: default
                    build: { aws_cfg_name: gardenlinux, aws_region: eu-central-1, s3_bucket_name: gardenlinux }
                    notify: { email_cfg_name: ci-mail }
                """);
    }

    /** A credentials folder with the {@code email} entry {@code ci-mail} and a {@code github} entry. */
    static void credentials(Path cfg, int smtpPort, String githubUrl) throws IOException {
        Files.writeString(cfg.resolve("cfg_types.yaml"), """
                email:
                  src:
                    - file: email.yaml
                github:
                  src:
                    - file: github.yaml
                """);
        Files.writeString(cfg.resolve("email.yaml"), """
                ci-mail:
                  host: 127.0.0.1
                  port: %d
                  use_tls: false
                  sender_name: %s
                """.formatted(smtpPort, SENDER));
        Files.writeString(cfg.resolve("github.yaml"), """
                local-github:
                  httpUrl: %s
                  apiUrl: %s/api/v3
                  technical_users:
                    - username: gardenlinux-bot
                      authToken: api-token
                """.formatted(githubUrl, githubUrl));
    }

    @AfterEach
    void stop() {
        smtp.stop();
        github.stop(0);
    }

    private String githubUrl() {
        return "http://127.0.0.1:" + github.getAddress().getPort();
    }

    /** The GitHub API's {@code GET /users/alice}; anything else is not found. */
    private void githubApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            githubRequests.add("GET " + path);
            boolean alice = path.equals("/api/v3/users/alice");
            byte[] body = (alice ? "{\"login\": \"alice\", \"email\": \"alice@example.org\"}"
                    : "{\"message\": \"Not Found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(alice ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void set(Object mojo, String name, Object value) throws ReflectiveOperationException {
        for (Class<?> type = mojo.getClass(); type != AbstractMojo.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    /** The notify step of a run, as the rendered Task passes its parameters, with an empty environment. */
    private NotifyMojo notify(String statusDict) throws ReflectiveOperationException {
        NotifyMojo notify = new NotifyMojo() {
            @Override
            protected Optional<String> env(String name) {
                return Optional.empty();
            }
        };
        notify.setLog(log);
        notify.repoRoot = checkout.toFile();
        notify.cfgDir = cfg.toFile();
        notify.cicdConfigFile = cicd.toFile();
        set(notify, "statusDict", statusDict);
        set(notify, "additionalRecipients", "extra@example.org");
        set(notify, "pipelineName", "gardenlinux-build");
        set(notify, "run", "gardenlinux-build-318-0-c03ea4d");
        set(notify, "gitUrl", githubUrl() + "/gardenlinux/gardenlinux");
        set(notify, "committish", "c03ea4d3d0905b463e78bbb582853a8bc4437496");
        set(notify, "dashboardUrl", "https://dashboard.example/");
        set(notify, "disableNotifications", "False");
        return notify;
    }

    @Test
    void aFailedTaskIsMailedToTheCodeOwnersWithTheStatusTableAndTheLogArchive() throws Exception {
        byte[] zip = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Files.write(checkout.resolve("build_log.zip"), zip);

        notify("{\"status_build-baseimage\": \"Succeeded\", \"status_kvm-amd64\": \"Failed\","
                + " \"status_promote\": \"None\"}").execute();

        assertThat(smtp.waitForIncomingEmail(60_000, 3)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(Arrays.stream(message.getAllRecipients()).map(Address::toString))
                .containsExactlyInAnyOrder("alice@example.org", "owner@example.org", "extra@example.org");
        assertThat(message.getSubject()).isEqualTo("Tekton Pipeline Garden Linux build failure in gardenlinux-build");
        assertThat(message.getFrom()).extracting(Address::toString).containsExactly(SENDER);
        Multipart mixed = (Multipart) message.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        assertThat(text).contains("status_kvm-amd64", "Failed",
                "https://dashboard.example/#/namespaces/gardenlinux/pipelineruns/gardenlinux-build-318-0-c03ea4d");
        assertThat((String) alternative.getBodyPart(1).getContent())
                .contains("<td class=\"align_left\">status_kvm-amd64</td><td class=\"status\" title=\"Failed\">");
        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("build_log.zip");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(zip);
        assertThat(githubRequests).containsExactly("GET /api/v3/users/alice");
    }

    @Test
    void aRunWhoseTasksAllSucceededSendsNothing() throws Exception {
        notify("{\"status_build-baseimage\": \"Succeeded\", \"status_kvm-amd64\": \"Succeeded\"}").execute();

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(githubRequests).isEmpty();
    }

    @Test
    void disabledNotificationsSendNothing() throws Exception {
        NotifyMojo notify = notify("{\"status_kvm-amd64\": \"Failed\"}");
        set(notify, "disableNotifications", "True");

        notify.execute();

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(log.lines()).contains("INFO Notification is disabled, not sending email");
    }
}
