package dev.behalf.gateway.junit;

import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.shell.ShellResult;

/** Runs cmdlets for {@link BehalfExtension#shell}: errors fail the test, with the shell's own text. */
final class ShellBridge {
    private ShellBridge() {
    }

    static String run(RunningBehalf behalf, String commands) {
        ShellResult result = behalf.shell().run(commands);
        if (!result.ok()) {
            throw new AssertionError("cmdlet failed: " + commands.strip() + "\n" + String.join("\n", result.errors()));
        }
        return result.output();
    }
}
