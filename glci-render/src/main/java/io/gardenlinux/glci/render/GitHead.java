package io.gardenlinux.glci.render;

import io.gardenlinux.glci.model.settings.GlciSettings;
import io.gardenlinux.glci.model.GlciException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The commit a checkout's HEAD points at, as the original read it ({@code git rev-parse @}). git itself answers:
 * it knows worktrees, packed refs and detached heads, which reading {@code .git} by hand would have to copy.
 */
final class GitHead {

        private static final long TIMEOUT_SECONDS = 30;
    private static final String GIVE_COMMIT = "; give the commit with " + GlciSettings.COMMITTISH.mention();

    private GitHead() {
    }

    static String of(Path checkout) {
        ProcessBuilder builder = new ProcessBuilder("git", "rev-parse", "HEAD").directory(checkout.toFile())
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            // the answer is one line, far less than a pipe holds: wait first, so that a hanging git times out
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new GlciException("git rev-parse HEAD in " + checkout + " did not finish in "
                        + TIMEOUT_SECONDS + "s" + GIVE_COMMIT);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0 || !output.matches("[0-9a-f]{40,64}")) {
                throw new GlciException("cannot find the commit of " + checkout + " (git rev-parse HEAD: " + output
                        + ")" + GIVE_COMMIT);
            }
            return output;
        } catch (IOException e) {
            throw new GlciException("cannot run git in " + checkout + " to find the commit (" + e.getMessage()
                    + ")" + GIVE_COMMIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GlciException("interrupted while reading the commit of " + checkout, e);
        }
    }
}
