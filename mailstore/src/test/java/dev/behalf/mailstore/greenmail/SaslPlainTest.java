package dev.behalf.mailstore.greenmail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaslPlainTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesTheThreeParts() {
        assertEquals(Optional.of(new SaslPlain("ayla@contoso.com", "jimh", "P@ss wörd")),
                SaslPlain.decode(b64("ayla@contoso.com\0jimh\0P@ss wörd")));
        assertEquals(Optional.of(new SaslPlain("", "jimh", "")), SaslPlain.decode(b64("\0jimh\0")));
    }

    @Test
    void refusesWhatIsNotPlain() {
        assertTrue(SaslPlain.decode("not base64!").isEmpty());
        assertTrue(SaslPlain.decode(b64("jimh\0secret")).isEmpty());
        assertTrue(SaslPlain.decode(b64("a\0\0secret")).isEmpty());
        assertTrue(SaslPlain.decode(b64("a\0b\0c\0d")).isEmpty());
        assertTrue(SaslPlain.decode(Base64.getEncoder().encodeToString(new byte[]{0, 'a', 0, (byte) 0xff})).isEmpty());
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(new SaslPlain("a", "b", "hunter2").toString().contains("hunter2"));
    }
}
