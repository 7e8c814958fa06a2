package io.gardenlinux.glci.publish.notify;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import io.gardenlinux.glci.model.Reporter;
import io.gardenlinux.glci.model.credentials.EmailCredentials;
import io.gardenlinux.glci.model.credentials.Secret;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Sends mail through the SMTP server of an {@code email} credential, with its host, port and TLS mode (the
 * original always used implicit TLS on port 465): {@code use_tls: true} is implicit TLS (SMTPS), otherwise STARTTLS
 * is used when the server offers it. The entry's credentials log in when given; its {@code blacklist} (regular
 * expressions matching whole addresses, case-insensitively) removes recipients before anything is sent.
 */
public final class Mailer {

    private final EmailCredentials server;
    private final Duration timeout;
    private final Reporter reporter;
    private final List<Pattern> blacklist;

    public Mailer(EmailCredentials server, Duration timeout, Reporter reporter) {
        this.server = Objects.requireNonNull(server, "server");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.blacklist = compile(server);
    }

    private static List<Pattern> compile(EmailCredentials server) {
        List<Pattern> patterns = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < server.blacklist().size(); i++) {
            try {
                patterns.add(Pattern.compile(server.blacklist().get(i), Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                problems.add(new Problem("email credential '" + server.name() + "'", "blacklist[" + i + "]",
                        "'" + server.blacklist().get(i) + "' is not a regular expression: " + e.getDescription()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(patterns);
    }

    /**
     * The addresses that are mail addresses and that the blacklist lets through, in order; each one dropped is
     * reported, so that one mistyped address does not keep the mail from everyone else.
     */
    public List<String> allowed(List<String> addresses) {
        List<String> allowed = new ArrayList<>();
        for (String address : addresses) {
            if (!isAddress(address)) {
                reporter.warn("not notifying '" + address + "': not a mail address");
            } else if (blacklist.stream().anyMatch(p -> p.matcher(address).matches())) {
                reporter.info("not notifying " + address + ": blacklisted in email credential '" + server.name()
                        + "'");
            } else {
                allowed.add(address);
            }
        }
        return allowed;
    }

    /** Sends the mail to its recipients; a refusal by the server is a {@link GlciException} naming the server. */
    public void send(Mail mail) {
        Session session = Session.getInstance(properties());
        MimeMessage message = message(session, mail);
        String where = "SMTP server " + server.host() + ":" + server.port() + " (email credential '" + server.name()
                + "')";
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(server.host(), server.port(), server.username().orElse(null),
                    server.password().map(Secret::reveal).orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        } catch (AuthenticationFailedException e) {
            throw new GlciException(where + " refused the login of user '" + server.username().orElse("")
                    + "': " + reply(e), e);
        } catch (SendFailedException e) {
            throw new GlciException(where + " refused the mail" + addresses(e.getInvalidAddresses())
                    + addresses(e.getValidUnsentAddresses()) + ": " + reply(e), e);
        } catch (MessagingException e) {
            throw new GlciException(where + " did not take the mail: " + reply(e), e);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null || addresses.length == 0 ? "" : " to " + Arrays.toString(addresses);
    }

    /** The server's reply (or the connection failure), on one line. */
    private static String reply(MessagingException e) {
        StringBuilder reply = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        if (cause != null && cause != e && cause.getMessage() != null && !reply.toString().contains(cause
                .getMessage().strip())) {
            reply.append(" (").append(cause.getMessage().strip()).append(')');
        }
        return reply.toString().replaceAll("\\s*\\R\\s*", " ");
    }

    private Properties properties() {
        String millis = Long.toString(timeout.toMillis());
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", server.host());
        properties.setProperty("mail.smtp.port", Integer.toString(server.port()));
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        properties.setProperty("mail.smtp.auth", Boolean.toString(server.username().isPresent()));
        if (server.useTls()) {
            properties.setProperty("mail.smtp.ssl.enable", "true");
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        } else {
            properties.setProperty("mail.smtp.starttls.enable", "true");
        }
        return properties;
    }

    private MimeMessage message(Session session, Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(sender());
            for (String to : mail.to()) {
                message.addRecipient(Message.RecipientType.TO, recipient(to));
            }
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());

            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);

            MimeMultipart mixed = new MimeMultipart("mixed", body);
            for (Path file : mail.attachments()) {
                MimeBodyPart attachment = new MimeBodyPart();
                attachment.attachFile(file.toFile(), file.getFileName().toString().endsWith(".zip")
                        ? "application/zip" : "application/octet-stream", "base64");
                mixed.addBodyPart(attachment);
                reporter.info("attaching " + file + " (" + Files.size(file) + " bytes)");
            }
            message.setContent(mixed);
            message.saveChanges();
            return message;
        } catch (MessagingException | IOException e) {
            throw new GlciException("cannot compose the mail '" + mail.subject() + "': " + e.getMessage(), e);
        }
    }

    private InternetAddress sender() {
        try {
            return new InternetAddress(server.senderName(), true);
        } catch (AddressException e) {
            throw new InvalidInputException(new Problem("email credential '" + server.name() + "'", "sender_name",
                    "'" + server.senderName() + "' is not a mail address: " + e.getMessage() + "; write e.g."
                            + " 'Tekton CI <ci@example.org>'"));
        }
    }

    private static boolean isAddress(String address) {
        try {
            new InternetAddress(address, true).validate();
            return address.indexOf('@') > 0;
        } catch (AddressException e) {
            return false;
        }
    }

    private static InternetAddress recipient(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new GlciException("'" + address + "' is not a mail address: " + e.getMessage(), e);
        }
    }
}
