package io.gardenlinux.glci.model.yaml;

import io.gardenlinux.glci.model.InvalidInputException;
import io.gardenlinux.glci.model.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one source so that all of them are reported together. */
public final class Problems {

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    public Problems(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    public void add(String location, String message) {
        problems.add(new Problem(source, location, message));
    }

    public void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }

    /** Throws an {@link InvalidInputException} with every problem collected so far, if there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
