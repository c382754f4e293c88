package dev.behalf.shell;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.behalf.policy.change.ChangeJournal;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.seed.DemoDirectory;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Fuzzes the cmdlet shell (tokenizer, parser, binder, cmdlets, formatters) with arbitrary text against
 * the demo directory: {@link Shell#run} reports every problem as a {@link ShellResult} error and never
 * throws. In CI this replays the inputs in {@code ShellFuzzTestInputs/}; fuzz by hand with
 * {@code JAZZER_FUZZ=1} (docs/reliability.md).
 */
class ShellFuzzTest {
    private static final Directory DEMO = DemoDirectory.load();

    @FuzzTest(maxDuration = "10s")
    void anyTextGivesAShellResultAndNeverThrows(String text) {
        if (text == null) {
            return; // Jazzer's empty input: there is no null command text
        }
        ShellResult result = new Shell(new LiveDirectory(DEMO, ChangeJournal.none())).run(text);
        assertNotNull(result.output());
    }
}
