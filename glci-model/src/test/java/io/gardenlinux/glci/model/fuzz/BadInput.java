package io.gardenlinux.glci.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;

/**
 * The contract of every reader under fuzzing: it returns a value or throws one {@link InvalidInputException} whose
 * problems all name the source they came from. Any other throwable escapes the fuzz test and is a finding.
 */
public final class BadInput {

    private BadInput() {
    }

    /** Runs {@code read}; an {@link InvalidInputException} must name a source starting with {@code source}. */
    public static void readOrReject(String source, Runnable read) {
        try {
            read.run();
        } catch (InvalidInputException e) {
            assertThat(e.problems()).isNotEmpty();
            for (Problem problem : e.problems()) {
                assertThat(problem.source()).startsWith(source);
                assertThat(problem.message()).isNotBlank();
            }
        }
    }
}
