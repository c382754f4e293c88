package dev.behalf.policy.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.behalf.policy.config.DirectoryLoader;
import dev.behalf.policy.config.InvalidConfigException;

import java.util.Map;

/**
 * Fuzzes the YAML directory loader: any text either loads or is refused with
 * {@link InvalidConfigException} (file, line, field); nothing else may escape. CI replays
 * {@code DirectoryLoaderFuzzTestInputs/}; fuzz by hand with {@code JAZZER_FUZZ=1}.
 */
class DirectoryLoaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyYamlLoadsOrIsRefusedWithItsProblems(String yaml) {
        if (yaml == null) {
            return; // Jazzer's empty input: files are never null
        }
        try {
            DirectoryLoader.parse(Map.of("fuzz.yaml", yaml));
        } catch (InvalidConfigException expected) {
            // a refusal listing the problems: the documented outcome for bad input
        }
    }
}
