package dev.behalf.mailstore;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.SmtpAddress;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link MailboxKey#of} names the box an address's mail lands in, exactly as SMTP's routing sends it there. */
class MailboxKeyTest {
    private final Directory directory = Demo.directory();

    private Optional<MailboxKey> of(String address) {
        return MailboxKey.of(directory, SmtpAddress.parse(address));
    }

    @Test
    void aMailboxAMailUserAndAnOutsideAddressNameOneBoxEachAndAGroupOrAnUnknownAddressNone() {
        assertEquals(Optional.of(new MailboxKey.Mailbox(Demo.recipient(directory, "ayla").id())), of("ayla@contoso.com"));
        assertEquals(Optional.of(new MailboxKey.Mailbox(Demo.recipient(directory, "Helpdesk Tickets").id())),
                of("helpdesktickets@contoso.com"));
        assertEquals(Optional.of(new MailboxKey.External(SmtpAddress.parse("lee.gu@fabrikam.com"))),
                of(Demo.recipient(directory, "Lee Gu").primarySmtpAddress().orElseThrow().toString()));
        assertEquals(Optional.of(new MailboxKey.External(SmtpAddress.parse("someone@example.org"))), of("someone@example.org"));
        assertEquals(Optional.empty(), of("nobody@contoso.com"), "unknown in an accepted domain: refused at RCPT");
        assertEquals(Optional.empty(), of("sales@contoso.com"), "a group names its members' boxes, not one");
    }
}
