package dev.behalf.policy.directory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmtpAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"jimh\"@contoso.com", "\"JimH\"@Contoso.com", "\"ji\\mh\"@contoso.com", "<\"jimh\"@contoso.com>", "jimh@contoso.com"})
    void aQuotedLocalPartThatIsADotAtomIsTheSameAddress(String text) {
        // RFC 5322 §3.4.1: the quotes are syntax; "jimh"@contoso.com is jimh@contoso.com.
        assertEquals(Optional.of(SmtpAddress.parse("jimh@contoso.com")), SmtpAddress.tryParse(text));
    }

    @Test
    void equalAddressesAndIdsAreEqualWithEqualHashesAndTheHashIsWhatARecordWouldGive() {
        // Written-out equals and hashCode (map keys on every path): the same contract, and the generated hash
        // (31 times the first component's plus the second's), so no map's order moves with the change.
        SmtpAddress a = SmtpAddress.parse("JimH@Contoso.com");
        SmtpAddress b = new SmtpAddress("JimH", "contoso.com");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(31 * "jimh".hashCode() + "contoso.com".hashCode(), a.hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(a, new SmtpAddress("jim", "contoso.com"));
        org.junit.jupiter.api.Assertions.assertNotEquals(a, new SmtpAddress("JimH", "fabrikam.com"));
        org.junit.jupiter.api.Assertions.assertNotEquals(a, "JimH@contoso.com");
        RecipientId one = RecipientId.forName("ayla");
        assertEquals(one, RecipientId.forName("AYLA"));
        assertEquals(one.guid().hashCode(), one.hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(one, RecipientId.forName("jimh"));
        org.junit.jupiter.api.Assertions.assertNotEquals(one, one.guid());
    }

    @Test
    void dotsInsideAQuotedDotAtomStayDots() {
        assertEquals("jim.hance@contoso.com", SmtpAddress.parse("\"jim.hance\"@contoso.com").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"jimh@contoso.com\"@evil.example",   // an address quoted as the local part of another domain's
            "jimh@contoso.com@evil.example",       // the same without quotes
            "\"jim h\"@contoso.com",               // a quoted space
            "\"jim\\ h\"@contoso.com",             // an escaped space
            "\"jimh\\\"\"@contoso.com",            // an escaped quote
            "\"\\\\\"@contoso.com",                // an escaped backslash
            "\"ji\"\"mh\"@contoso.com",            // two quoted strings
            "\"jimh\".x@contoso.com",              // a quoted word and an atom (obs-local-part)
            "\".jimh\"@contoso.com",               // not a dot-atom once unquoted
            "\"jim..h\"@contoso.com",
            "\"\"@contoso.com",                    // empty
            "\"jimh@contoso.com",                  // unbalanced
            "\"jim(h)\"@contoso.com",              // specials
            "\"jim<h>\"@contoso.com"})
    void aQuotedStringThatNeedsItsQuotesIsStillNotAnAddress(String text) {
        assertEquals(Optional.empty(), SmtpAddress.tryParse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"contoso.com", "CONTOSO.COM", "Mail.Contoso.Com.", "a.b", "xn--bcher-kva.example", "x", "1-2.3",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", "bücher.example", "ＣＯＮＴＯＳＯ.com",
            "contoso\u3002com"})
    void theDomainIsWhatIdnMakesOfIt(String domain) {
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        assertEquals(java.net.IDN.toASCII(d, java.net.IDN.ALLOW_UNASSIGNED).toLowerCase(java.util.Locale.ROOT),
                new SmtpAddress("jimh", domain).domain(), domain);
    }

    @Test
    void aLabelOfSixtyFourCharactersIsNoDomain() {
        String label = "a".repeat(64);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new SmtpAddress("jimh", label + ".com"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new SmtpAddress("jimh", "a..com"));
    }
}
