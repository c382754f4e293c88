package dev.behalf.policy.config;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.text.Spelling;

import java.util.stream.Stream;

/** "did you mean 'raymonds'?" for identities that match nothing: the closest Name or Alias. */
final class Suggestions {
    private Suggestions() {
    }

    /** {@code "; did you mean 'x'?"} when a Name or Alias is within a few edits, else empty. */
    static String didYouMean(Directory directory, String identity) {
        Iterable<String> names = () -> directory.recipients().stream().flatMap(r -> Stream.of(r.alias(), r.name())).iterator();
        return Spelling.closest(identity, names).map(best -> "; did you mean '" + best + "'?").orElse("");
    }
}
