package io.gardenlinux.glci.publish.notify;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two bits of HTML the mails need. Hand-written because they are a few lines: escaping text for element content
 * and attributes, and filling {@code ${name}} placeholders of a fixed template shipped with glci (unknown
 * placeholders stay as they are, as the original's "safe" substitution left them); a template engine would add a
 * dependency for nothing more.
 */
final class Html {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    private Html() {
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The template with each {@code ${name}} of {@code values} replaced by its (already escaped) value. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(filled);
        return filled.toString();
    }
}
