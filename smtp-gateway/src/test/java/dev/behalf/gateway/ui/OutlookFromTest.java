package dev.behalf.gateway.ui;

import dev.behalf.gateway.http.ui.OutlookFrom;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutlookFromTest {

    @Test
    void sendOnBehalfReadsDelegateOnBehalfOfMailbox() {
        assertEquals("Holly Holt on behalf of Sean Chai",
                OutlookFrom.render("Sean Chai <seanc@contoso.com>", Optional.of("Holly Holt <hollyh@contoso.com>")));
        assertTrue(OutlookFrom.onBehalf("Sean Chai <seanc@contoso.com>", Optional.of("Holly Holt <hollyh@contoso.com>")));
    }

    @Test
    void sendAsAndSelfShowTheFromNameAlone() {
        assertEquals("Terry Adams", OutlookFrom.render("Terry Adams <terrya@contoso.com>", Optional.empty()));
        assertEquals("Terry Adams", OutlookFrom.render("Terry Adams <terrya@contoso.com>", Optional.of("<TERRYA@contoso.com>")));
        assertFalse(OutlookFrom.onBehalf("Terry Adams <terrya@contoso.com>", Optional.of("terrya@contoso.com")));
    }

    @Test
    void addressesWithoutDisplayNamesShowTheAddress() {
        assertEquals("hollyh@contoso.com on behalf of seanc@contoso.com",
                OutlookFrom.render("seanc@contoso.com", Optional.of("hollyh@contoso.com")));
    }

    @Test
    void encodedDisplayNamesAreDecoded() {
        assertEquals("Zoë Ünal", OutlookFrom.render("=?UTF-8?Q?Zo=C3=AB_=C3=9Cnal?= <zoe@contoso.com>", Optional.empty()));
    }

    @Test
    void aDisplayNameThatReadsAsAnotherAddressShowsTheRealAddressToo() {
        assertEquals("\"ayla@contoso.com\" <jimh@contoso.com>", OutlookFrom.render("\"ayla@contoso.com\" <jimh@contoso.com>", Optional.empty()));
        assertEquals("\"Ayla Kol <ayla@contoso.com>\" <jimh@contoso.com>",
                OutlookFrom.render("jimh@contoso.com (Ayla Kol <ayla@contoso.com>)", Optional.empty()));
        assertEquals("\"seanc@contoso.com\" <hollyh@contoso.com> on behalf of Sean Chai",
                OutlookFrom.render("Sean Chai <seanc@contoso.com>", Optional.of("\"seanc@contoso.com\" <hollyh@contoso.com>")));
        assertEquals(java.util.List.of("\"ayla@contoso.com\" <jimh@contoso.com>"),
                OutlookFrom.lookAlikes("\"ayla@contoso.com\" <jimh@contoso.com>", Optional.empty()));
        // A name that is the sender's own address is no look-alike, and shows as the name.
        assertEquals("jimh@contoso.com", OutlookFrom.render("\"jimh@contoso.com\" <jimh@contoso.com>", Optional.empty()));
        assertEquals(java.util.List.of(), OutlookFrom.lookAlikes("\"jimh@contoso.com\" <jimh@contoso.com>", Optional.empty()));
    }
}
