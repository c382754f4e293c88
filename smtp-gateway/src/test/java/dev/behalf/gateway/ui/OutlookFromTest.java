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
}
