package dev.behalf.policy.directory;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link Directory#of} and {@link Directory#apply} when the result would break an invariant. */
public final class InvalidDirectoryException extends RuntimeException {
    private final List<DirectoryProblem> problems;

    public InvalidDirectoryException(List<DirectoryProblem> problems) {
        super(problems.stream().map(DirectoryProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<DirectoryProblem> problems() {
        return problems;
    }
}
