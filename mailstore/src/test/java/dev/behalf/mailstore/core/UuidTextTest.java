package dev.behalf.mailstore.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UuidTextTest {

    @Test
    void aCanonicalTextIsItsUuidsTwoNumbersAndComesBackTheSame() {
        Random random = new Random(13);
        for (int i = 0; i < 10_000; i++) {
            UUID u = i == 0 ? new UUID(0, 0) : i == 1 ? new UUID(-1, -1) : new UUID(random.nextLong(), random.nextLong());
            String text = u.toString();
            assertTrue(UuidText.canonical(text), text);
            assertEquals(u.getMostSignificantBits(), UuidText.high(text), text);
            assertEquals(u.getLeastSignificantBits(), UuidText.low(text), text);
            assertEquals(text, UuidText.format(UuidText.high(text), UuidText.low(text)));
        }
    }

    @Test
    void anyOtherTextIsNot() {
        for (String text : List.of("", "id-1", "AEB261D1-6586-4E42-AB80-6E333C0A5A10", "aeb261d1-6586-4e42-ab80-6e333c0a5a1",
                "aeb261d1-6586-4e42-ab80-6e333c0a5a100", "aeb261d1-6586-4e42-ab80+6e333c0a5a10", "aeb261d16-586-4e42-ab80-6e333c0a5a10",
                "aeb261d1-6586-4e42-ab80-6e333c0a5a1g", "{eb261d1-6586-4e42-ab80-6e333c0a5a10", "aeb261d1-6586-4e42-ab80-6e333c0a5a-0")) {
            assertFalse(UuidText.canonical(text), text);
        }
        assertFalse(UuidText.canonical(null));
    }
}
