package dev.behalf.policy.shell;

import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.config.DirectoryLoader;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.MailboxAccess;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.SmtpAddress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fresh shell over the demo directory ({@code config/directory.yaml}) for one test, recording the
 * change sets it journals. The loaded snapshot is immutable, so tests share it safely.
 */
final class DemoShell {
    private static final Directory DEMO = DirectoryLoader.load(Path.of("..", "config"));

    final List<ChangeSet> journal = new ArrayList<>();
    final LiveDirectory live = new LiveDirectory(DEMO, journal::add);
    final Shell shell = new Shell(live);

    ShellResult run(String text) {
        return shell.run(text);
    }

    /** Runs a command that must succeed without warnings, and returns its output. */
    String ok(String text) {
        ShellResult r = shell.run(text);
        if (!r.ok() || !r.warnings().isEmpty()) {
            throw new AssertionError("expected '" + text + "' to succeed quietly, got " + r);
        }
        return r.output();
    }

    Directory directory() {
        return live.current();
    }

    Recipient get(String identity) {
        return new Lookup(directory()).one(identity, Lookup.ANY);
    }

    /** The decision for {@code account} (any identity) sending with header From {@code from}. */
    Decision decide(String account, String from) {
        return DelegationPolicy.decide(directory(), SendAttempt.of(get(account).id(), SmtpAddress.parse(from)));
    }

    Optional<MailboxAccess.Grant> canOpen(String delegate, String mailbox) {
        return MailboxAccess.canOpen(directory(), get(delegate).id(), get(mailbox).id());
    }
}
