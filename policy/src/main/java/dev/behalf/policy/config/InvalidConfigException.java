package dev.behalf.policy.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config directory that can't be loaded; the message lists every problem, one per line. */
public final class InvalidConfigException extends RuntimeException {
    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the directory config:\n  "
                + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
