package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For socket tests of the store: a store serving IMAP and POP3 on ephemeral ports over a fresh demo
 * directory for each test, closed after it. JUnit runs these before a subclass's own set-up.
 */
abstract class StartedDemoStore {
    LiveDirectory live;
    GreenMailStore store;
    /** Ayla Kol's mailbox, the one the demo grants Jim Hance Full Access on. */
    MailboxKey ayla;

    @BeforeEach
    final void startStore() {
        live = DemoDirectory.live();
        store = GreenMailStore.builder(live).imapPort(0).pop3Port(0).build().start();
        ayla = Demo.mailbox(live, "ayla");
    }

    @AfterEach
    final void closeStore() {
        store.close();
    }
}
