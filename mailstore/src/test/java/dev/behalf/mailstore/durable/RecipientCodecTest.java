package dev.behalf.mailstore.durable;

import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.InheritanceType;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecipientCodecTest {

    static Stream<String> demoRecipients() {
        return DemoDirectory.load().recipients().stream().map(Recipient::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoRecipients")
    void everyDemoRecipientRoundTrips(String name) {
        Recipient r = DemoDirectory.find(DemoDirectory.load(), name);
        assertEquals(r, RecipientCodec.decode(RecipientCodec.encode(r)));
        assertEquals(r.account().flatMap(a -> a.password()).map(s -> s.reveal()),
                RecipientCodec.decode(RecipientCodec.encode(r)).account().flatMap(a -> a.password()).map(s -> s.reveal()));
    }

    @Test
    void everyFieldSurvivesEvenUnusualValues() {
        Directory d = DemoDirectory.load();
        Recipient terry = DemoDirectory.find(d, "terrya");
        Recipient full = terry.toBuilder()
                .displayName("Adams, Terry \"TA\" — ☃")
                .emailAddresses(List.of(SmtpAddress.parse("terry.adams@contoso.com"), SmtpAddress.parse("ta@bücher.example")))
                .hiddenFromAddressLists(true)
                .messageCopyForSentAs(true)
                .messageCopyForSendOnBehalf(true)
                .grantSendOnBehalfTo(List.of(DemoDirectory.find(d, "hollyh").id(), DemoDirectory.find(d, "tempassistants").id()))
                .fullAccess(List.of(new FullAccessEntry(DemoDirectory.find(d, "jimh").id(), AccessControl.Deny, InheritanceType.None, false),
                        FullAccessEntry.allow(DemoDirectory.find(d, "Helpdesk").id())))
                .sendAs(List.of(new SendAsEntry(DemoDirectory.find(d, "ayla").id(), AccessControl.Deny)))
                .attributes(terry.attributes().with("CustomAttribute15", "line1\nline2"))
                .build();
        assertEquals(full, RecipientCodec.decode(RecipientCodec.encode(full)));
    }

    @Test
    void aMicrosoft365GroupKeepsItsOwnersAndOlderRecordsHaveNone() {
        Recipient marketing = DemoDirectory.find(DemoDirectory.load(), "Marketing");
        assertFalse(marketing.owners().isEmpty());
        assertEquals(marketing.owners(), RecipientCodec.decode(RecipientCodec.encode(marketing)).owners());
        // A journal written before Microsoft 365 Groups has no owners field.
        Recipient sales = DemoDirectory.find(DemoDirectory.load(), "Sales Team");
        var older = RecipientCodec.encode(sales);
        older.remove("owners");
        assertEquals(sales, RecipientCodec.decode(older));
    }

    @Test
    void aChangeSetIsOneLineAndRoundTrips() {
        Directory d = DemoDirectory.load();
        ChangeSet changes = new ChangeSet(List.of(new DirectoryChange.Put(DemoDirectory.find(d, "All Employees")),
                new DirectoryChange.Remove(DemoDirectory.find(d, "Lee Gu").id()),
                new DirectoryChange.Put(DemoDirectory.find(d, "Pat Coleman"))), "Set-Mailbox \"x\"\nwith a newline");
        ChangeSetCodec codec = new ChangeSetCodec();
        String json = codec.encode(changes);
        assertFalse(json.contains("\n"));
        assertEquals(changes, codec.decode(json));
    }

    @Test
    void malformedRecordsAreRefusedWithTheField() {
        ChangeSetCodec codec = new ChangeSetCodec();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.decode("{\"v\":1,\"origin\":\"x\",\"changes\":[{\"put\":{\"id\":\"" + DemoDirectory.find(DemoDirectory.load(), "ayla").id() + "\"}}]}"));
        assertEquals("field 'type' is missing or not text", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> codec.decode("{\"v\":2,\"origin\":\"x\",\"changes\":[]}"));
        assertThrows(IllegalArgumentException.class, () -> codec.decode("not json"));
    }
}
