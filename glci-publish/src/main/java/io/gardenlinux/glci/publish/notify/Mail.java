package io.gardenlinux.glci.publish.notify;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A mail glci sends: an HTML part and a plain-text part with the same content, and files attached.
 *
 * @param to the recipients' addresses
 * @param subject the subject
 * @param html the HTML body
 * @param text the plain-text body
 * @param attachments files to attach, each under its file name
 */
public record Mail(List<String> to, String subject, String html, String text, List<Path> attachments) {

    public Mail {
        to = List.copyOf(to);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
    }
}
