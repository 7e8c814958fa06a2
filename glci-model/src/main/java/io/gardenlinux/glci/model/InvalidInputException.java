package io.gardenlinux.glci.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: one or more {@link Problem}s, all reported at once so that a person can fix a file in one go.
 */
public class InvalidInputException extends GlciException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems:" + problems.stream()
                .map(p -> System.lineSeparator() + "  - " + p)
                .collect(Collectors.joining());
    }
}
