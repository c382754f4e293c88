package dev.behalf.mailstore;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link MailboxKey#of} names the box an address's mail lands in, exactly as SMTP's routing sends it there. */
class MailboxKeyTest {
    private final Directory directory = DemoDirectory.load();

    private Optional<MailboxKey> of(String address) {
        return MailboxKey.of(directory, SmtpAddress.parse(address));
    }

    @Test
    void keysOfTheSameBoxAreEqualWithEqualHashesAndAMailboxIsNeverAnExternalBox() {
        MailboxKey ayla = new MailboxKey.Mailbox(DemoDirectory.find(directory, "ayla").id());
        assertEquals(ayla, new MailboxKey.Mailbox(DemoDirectory.find(directory, "ayla").id()));
        assertEquals(DemoDirectory.find(directory, "ayla").id().hashCode(), ayla.hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(ayla, new MailboxKey.Mailbox(DemoDirectory.find(directory, "jimh").id()));
        MailboxKey lee = new MailboxKey.External(SmtpAddress.parse("lee.gu@fabrikam.com"));
        assertEquals(lee, new MailboxKey.External(SmtpAddress.parse("lee.gu@fabrikam.com")));
        assertEquals(SmtpAddress.parse("lee.gu@fabrikam.com").hashCode(), lee.hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(lee, new MailboxKey.External(SmtpAddress.parse("someone@fabrikam.com")));
        org.junit.jupiter.api.Assertions.assertNotEquals(ayla, lee);
    }

    @Test
    void aMailboxAMailUserAndAnOutsideAddressNameOneBoxEachAndAGroupOrAnUnknownAddressNone() {
        assertEquals(Optional.of(new MailboxKey.Mailbox(DemoDirectory.find(directory, "ayla").id())), of("ayla@contoso.com"));
        assertEquals(Optional.of(new MailboxKey.Mailbox(DemoDirectory.find(directory, "Helpdesk Tickets").id())),
                of("helpdesktickets@contoso.com"));
        assertEquals(Optional.of(new MailboxKey.External(SmtpAddress.parse("lee.gu@fabrikam.com"))),
                of(DemoDirectory.find(directory, "Lee Gu").primarySmtpAddress().orElseThrow().toString()));
        assertEquals(Optional.of(new MailboxKey.External(SmtpAddress.parse("someone@example.org"))), of("someone@example.org"));
        assertEquals(Optional.empty(), of("nobody@contoso.com"), "unknown in an accepted domain: refused at RCPT");
        assertEquals(Optional.empty(), of("sales@contoso.com"), "a group names its members' boxes, not one");
    }

    @Test
    void placementsOfOneBoxAndFolderAreEqualWithEqualHashesAndDifferOnEither() {
        MailboxKey ayla = new MailboxKey.Mailbox(DemoDirectory.find(directory, "ayla").id());
        MailboxKey jim = new MailboxKey.Mailbox(DemoDirectory.find(directory, "jimh").id());
        Placement inbox = new Placement(ayla, "INBOX");
        assertEquals(inbox, new Placement(ayla, "INBOX"));
        assertEquals(inbox.hashCode(), new Placement(ayla, "INBOX").hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(inbox, new Placement(ayla, "Sent Items"));
        org.junit.jupiter.api.Assertions.assertNotEquals(inbox, new Placement(jim, "INBOX"));
    }
}
