package io.gardenlinux.glci.publish.notify;

import io.gardenlinux.glci.model.GlciException;
import io.gardenlinux.glci.model.Reporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The owners named in a checkout's {@code CODEOWNERS} files ({@code CODEOWNERS}, {@code .github/CODEOWNERS},
 * {@code docs/CODEOWNERS}, the places GitHub reads): on each line that is not a comment, the tokens after the path
 * pattern. An owner is a GitHub user ({@code @user}), a team ({@code @org/team}) or an email address; a token that is
 * none of these is skipped with a warning.
 *
 * @param users GitHub user names, without {@code @}
 * @param teams teams as {@code org/team}
 * @param emails plain email addresses
 */
public record CodeOwners(List<String> users, List<String> teams, List<String> emails) {

    /** Where the files are looked for, relative to the checkout, in this order. */
    public static final List<String> FILES = List.of("CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS");

    public CodeOwners {
        users = List.copyOf(users);
        teams = List.copyOf(teams);
        emails = List.copyOf(emails);
    }

    /** Reads the files that exist in {@code checkout}; none is an empty result. */
    public static CodeOwners read(Path checkout, Reporter reporter) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> teams = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        for (String name : FILES) {
            Path file = checkout.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new GlciException(file + ": cannot read: " + e.getMessage(), e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int comment = line.indexOf('#');
                String content = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (content.isEmpty()) {
                    continue;
                }
                String[] tokens = content.split("\\s+");
                for (int t = 1; t < tokens.length; t++) {
                    String token = tokens[t];
                    if (token.startsWith("@") && token.indexOf('/') > 1) {
                        teams.add(token.substring(1));
                    } else if (token.startsWith("@") && token.length() > 1) {
                        users.add(token.substring(1));
                    } else if (token.indexOf('@') > 0) {
                        emails.add(token);
                    } else {
                        reporter.warn(name + ":" + (i + 1) + ": '" + token + "' is neither @user, @org/team nor an"
                                + " email address - ignored");
                    }
                }
            }
        }
        return new CodeOwners(List.copyOf(users), List.copyOf(teams), List.copyOf(emails));
    }

    public boolean isEmpty() {
        return users.isEmpty() && teams.isEmpty() && emails.isEmpty();
    }
}
