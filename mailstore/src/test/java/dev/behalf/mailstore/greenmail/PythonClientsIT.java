package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.Placement;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Python 3's imaplib and poplib, a second real client family, against the store. */
class PythonClientsIT {
    private static final Path SCRIPT = Path.of("src", "test", "resources", "python", "clients.py");

    private LiveDirectory live;
    private GreenMailStore store;

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(python() == 0, "python3 is not installed");
        live = DemoDirectory.live();
        store = GreenMailStore.builder(live).imapPort(0).pop3Port(0).build().start();
        store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "for ayla"),
                Placement.inbox(Demo.mailbox(live, "ayla"))));
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
    }

    private static int python() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python did not finish: " + out);
        return new Run(p.exitValue(), out.strip());
    }

    @Test
    void imaplibSignsInAsADelegateWithLogin() throws Exception {
        Run r = run("imap-login", String.valueOf(store.imapPort()), "jimh\\ayla", Cast.PASSWORD);
        assertEquals(new Run(0, "INBOX 1 for ayla\nFOLDERS INBOX|Sent Items"), r);
    }

    @Test
    void imaplibsOwnLoginSendsTheDelegateMailboxUnquotedAndSignsIn() throws Exception {
        // Issue 13's report, verbatim: imaplib.login("raymonds@contoso.com\\terrya@contoso.com", pw).
        DemoDirectory.fullAccess(live, "terrya", "raymonds", dev.behalf.policy.directory.AccessControl.Allow);
        store.deliver(Demo.delivery(Demo.message("ayla@contoso.com", "terrya@contoso.com", "for terry"),
                Placement.inbox(Demo.mailbox(live, "terrya"))));
        assertEquals(new Run(0, "INBOX 1 for terry\nFOLDERS INBOX|Sent Items"),
                run("imap-login-raw", String.valueOf(store.imapPort()), "raymonds@contoso.com\\terrya@contoso.com", Cast.PASSWORD));
        Run refused = run("imap-login-raw", String.valueOf(store.imapPort()), "raymonds@contoso.com\\ayla@contoso.com", Cast.PASSWORD);
        assertEquals(1, refused.exit());
        assertTrue(refused.output().contains("LOGIN failed."), refused.output());
    }

    @Test
    void imaplibAuthenticatesWithPlainAndAnAuthorizationIdentity() throws Exception {
        assertEquals(new Run(0, "INBOX 1 for ayla\nFOLDERS INBOX|Sent Items"),
                run("imap-plain", String.valueOf(store.imapPort()), "ayla@contoso.com", "jimh", Cast.PASSWORD));
        Run refused = run("imap-plain", String.valueOf(store.imapPort()), "ayla@contoso.com", "terrya", Cast.PASSWORD);
        assertEquals(1, refused.exit());
        assertTrue(refused.output().contains("AUTHENTICATE failed."), refused.output());
    }

    @Test
    void imaplibReadsTheHeaderAndTheTextAsTheStoredOctetsSplitInTwo() throws Exception {
        Run r = run("imap-sections", String.valueOf(store.imapPort()), "ayla", Cast.PASSWORD);
        assertEquals(0, r.exit(), r.output());
        // Message 1 is the one delivered at set-up; its body ends in a line break, which the old FETCH cut from TEXT.
        MailboxKey ayla = Demo.mailbox(live, "ayla");
        byte[] first = store.fetch(store.list(ayla, "INBOX").get(0).id()).orElseThrow().raw();
        assertEquals("HEADER+TEXT==BODY[] True\nBODY[] " + HexFormat.of().formatHex(first), r.output());
    }

    @Test
    void poplibSignsInAsADelegate() throws Exception {
        assertEquals(new Run(0, "STAT 1"), run("pop3", String.valueOf(store.pop3Port()), "jimh\\ayla", Cast.PASSWORD));
        Run refused = run("pop3", String.valueOf(store.pop3Port()), "terrya\\ayla", Cast.PASSWORD);
        assertEquals(1, refused.exit());
        assertTrue(refused.output().contains("Logon failure: unknown user name or bad password."), refused.output());
    }
}
