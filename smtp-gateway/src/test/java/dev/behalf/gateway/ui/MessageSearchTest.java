package dev.behalf.gateway.ui;

import dev.behalf.gateway.http.Request;
import dev.behalf.gateway.http.ui.MessageRow;
import dev.behalf.gateway.http.ui.MessageSearch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageSearchTest {
    private static final MessageRow ON_BEHALF = new MessageRow("message", "m1", "jimh@contoso.com", "INBOX",
            "Quarterly report", "Sean Chai <seanc@contoso.com>", Optional.of("Holly Holt <hollyh@contoso.com>"),
            "Holly Holt on behalf of Sean Chai", List.of("jimh@contoso.com"), Instant.EPOCH, false, 10,
            Optional.of("SendOnBehalf"), Optional.of("d1"), Optional.empty(), Optional.empty(), List.of());
    private static final MessageRow REFUSED = new MessageRow("refused", "d2", "", "", "Expense approvals",
            "Ayla Kol <ayla@contoso.com>", Optional.empty(), "Ayla Kol", List.of("seanc@contoso.com"), Instant.EPOCH, true, 0,
            Optional.of("Denied"), Optional.of("d2"), Optional.of("no right"), Optional.empty(), List.of());

    @Test
    void fieldTermsMatchTheirOwnField() {
        assertTrue(MessageSearch.parse("from:sean").matches(ON_BEHALF));
        assertTrue(MessageSearch.parse("sender:hollyh@").matches(ON_BEHALF));
        assertTrue(MessageSearch.parse("to:jimh").matches(ON_BEHALF));
        assertTrue(MessageSearch.parse("subject:QUARTERLY").matches(ON_BEHALF));
        assertFalse(MessageSearch.parse("sender:sean").matches(ON_BEHALF));
        assertFalse(MessageSearch.parse("to:sean").matches(ON_BEHALF));
    }

    @Test
    void everyTermMustMatchAndQuotesKeepSpaces() {
        assertTrue(MessageSearch.parse("subject:\"quarterly report\" from:sean").matches(ON_BEHALF));
        assertFalse(MessageSearch.parse("subject:\"quarterly summary\"").matches(ON_BEHALF));
        assertFalse(MessageSearch.parse("from:sean subject:expense").matches(ON_BEHALF));
    }

    @Test
    void decisionTermsNameTheBadges() {
        assertTrue(MessageSearch.parse("decision:onbehalf").matches(ON_BEHALF));
        assertTrue(MessageSearch.parse("decision:on-behalf").matches(ON_BEHALF));
        assertFalse(MessageSearch.parse("decision:sendas").matches(ON_BEHALF));
        assertTrue(MessageSearch.parse("decision:refused").matches(REFUSED));
        assertTrue(MessageSearch.parse("decision:denied").matches(REFUSED));
        assertFalse(MessageSearch.parse("decision:self").matches(REFUSED));
    }

    @Test
    void freeTextMatchesSubjectAndAddresses() {
        assertTrue(MessageSearch.parse("holly").matches(ON_BEHALF));
        assertTrue(MessageSearch.parse("report").matches(ON_BEHALF));
        assertFalse(MessageSearch.parse("ayla").matches(ON_BEHALF));
        assertTrue(MessageSearch.parse("").matches(REFUSED));
    }

    @Test
    void anUnknownDecisionIsBadInputThatListsTheChoices() {
        Request.BadRequest e = assertThrows(Request.BadRequest.class, () -> MessageSearch.parse("decision:maybe"));
        assertEquals("decision: takes self, sendas, onbehalf, refused, denied or rejected; got 'maybe'", e.getMessage());
    }
}
