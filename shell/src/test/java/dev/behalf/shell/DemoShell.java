package dev.behalf.shell;

import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.MailboxAccess;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.seed.DemoDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fresh shell over the demo directory ({@code config/directory.yaml}) for one test, recording the
 * change sets it journals. The loaded snapshot is immutable, so tests share it safely.
 */
public final class DemoShell {
    private static final Directory DEMO = DemoDirectory.load();

    public final List<ChangeSet> journal = new ArrayList<>();
    public final LiveDirectory live = new LiveDirectory(DEMO, journal::add);
    public final Shell shell = new Shell(live);

    public ShellResult run(String text) {
        return shell.run(text);
    }

    /** Runs a command that must succeed without warnings, and returns its output. */
    public String ok(String text) {
        ShellResult r = shell.run(text);
        if (!r.ok() || !r.warnings().isEmpty()) {
            throw new AssertionError("expected '" + text + "' to succeed quietly, got " + r);
        }
        return r.output();
    }

    public Directory directory() {
        return live.current();
    }

    /** The one recipient {@code identity} names (any identity form of spec §2). */
    public Recipient get(String identity) {
        return DemoDirectory.find(directory(), identity);
    }

    /** The decision for {@code account} (any identity) sending with header From {@code from}. */
    public Decision decide(String account, String from) {
        return DelegationPolicy.decide(directory(), SendAttempt.of(get(account).id(), SmtpAddress.parse(from)));
    }

    public Optional<MailboxAccess.Grant> canOpen(String delegate, String mailbox) {
        return MailboxAccess.canOpen(directory(), get(delegate).id(), get(mailbox).id());
    }
}
