package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Placement;
import dev.behalf.policy.change.LiveDirectory;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeIT {
    @Test
    void ownerReadsInboxOverImapAndPop3() throws Exception {
        LiveDirectory live = Demo.live();
        try (GreenMailStore store = GreenMailStore.builder(live).imapPort(0).pop3Port(0).build().start()) {
            store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "hi"),
                    Placement.inbox(Demo.mailbox(live, "ayla"))));
            Store imap = Clients.imap(store, "ayla@contoso.com", Demo.PASSWORD);
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertEquals(1, inbox.getMessageCount());
            assertEquals("hi", inbox.getMessage(1).getSubject());
            imap.close();
            Store pop = Clients.connect(Clients.pop3Properties(store.pop3Port()), "pop3", "jimh\\ayla", Demo.PASSWORD);
            Folder p = pop.getFolder("INBOX");
            p.open(Folder.READ_ONLY);
            assertEquals(1, p.getMessageCount());
            pop.close();
        }
    }
}
