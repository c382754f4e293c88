package dev.behalf.mailstore.greenmail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeadersTest {

    @Test
    void unfoldRemovesEveryLineBreakThatIsFollowedByWhiteSpace() {
        assertEquals("Sean Chai <seanc@contoso.com>", Headers.unfold("Sean Chai\r\n <seanc@contoso.com>"));
        assertEquals("a,\tb, c", Headers.unfold("a,\r\n\tb,\n c"));
        assertEquals("a", Headers.unfold("a\r\n"));
    }

    @Test
    void aLineBreakNotFollowedByWhiteSpaceIsKept() {
        // Not a fold: a stored value never has one, but unfolding must not glue two fields together.
        assertEquals("a\r\nb", Headers.unfold("a\r\nb"));
    }

    @Test
    void aHundredThousandFoldsUnfoldToTheAddressesInOrder() {
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            folded.append(i == 0 ? "" : ",\r\n ").append("u").append(i).append("@contoso.com");
        }
        String unfolded = Headers.unfold(folded.toString());
        String[] parts = unfolded.split(", ");
        assertEquals(100_000, parts.length);
        assertEquals("u99999@contoso.com", parts[99_999]);
    }
}
