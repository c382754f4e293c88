package dev.behalf.gateway.ui;

import dev.behalf.policy.config.DirectoryLoader;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.identity.Resolution;

import java.nio.file.Path;

/** The bundled Contoso demo directory ({@code ../config} from the module), and lookups into it. */
final class Demo {
    private Demo() {
    }

    static Directory directory() {
        return DirectoryLoader.load(Path.of("..", "config"));
    }

    static Recipient recipient(Directory d, String identity) {
        Resolution r = d.resolve(identity);
        if (r instanceof Resolution.Found f) {
            return f.recipient();
        }
        throw new AssertionError("'" + identity + "' does not name exactly one demo recipient: " + r);
    }

    static RecipientId id(Directory d, String identity) {
        return recipient(d, identity).id();
    }
}
