package dev.behalf.gateway.cli;

import dev.behalf.shell.Shell;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;

/**
 * Tab completion: cmdlet names where a command starts (line start, after {@code |} or {@code ;}),
 * the current cmdlet's parameter names after a {@code -}.
 */
final class CmdletCompleter implements Completer {

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words().subList(0, Math.max(0, line.wordIndex()));
        String cmdlet = null;
        for (String w : words) {
            if (w.equals("|") || w.equals(";") || w.endsWith("|") || w.endsWith(";")) {
                cmdlet = null;
            } else if (cmdlet == null && !w.isBlank()) {
                cmdlet = w;
            }
        }
        String word = line.word();
        if (cmdlet == null) {
            for (String name : Shell.cmdletNames()) {
                candidates.add(new Candidate(name));
            }
        } else if (word.startsWith("-")) {
            for (String p : Shell.parameterNames(cmdlet)) {
                candidates.add(new Candidate("-" + p));
            }
        }
    }
}
