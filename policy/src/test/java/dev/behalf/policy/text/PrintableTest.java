package dev.behalf.policy.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PrintableTest {

    @Test
    void controlCharactersAndLineSeparatorsAreWrittenAsEscapes() {
        assertEquals("a\\u000d\\u000ab\\u0000c\\u001b[0m\\u0085\\u2028\\u2029d", Printable.of("a\r\nb\0c\u001b[0m\u0085\u2028\u2029d"));
        assertEquals("tab\\u0009too", Printable.of("tab\ttoo"));
    }

    @Test
    void printableTextIsGivenBackAsItIs() {
        String text = "Jim Hance <jimh@contoso.com> — Grüße, 日本, 🙂";
        assertSame(text, Printable.of(text));
    }
}
