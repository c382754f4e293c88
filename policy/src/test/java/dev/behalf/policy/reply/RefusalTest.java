package dev.behalf.policy.reply;

import dev.behalf.policy.seed.Row;
import dev.behalf.policy.seed.SeedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reply texts, byte for byte per dialect ({@code seed/replies.yaml}; spec §5). */
class RefusalTest {

    static List<Row> replies() {
        return SeedFile.rows("replies.yaml", "replies");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void refusalReadsByteForByteInEachDialect(Row row) {
        Refusal refusal = Refusal.valueOf(row.id());
        for (Dialect dialect : Dialect.values()) {
            String expected = row.optionalText(dialect.cliName()).orElseGet(() -> row.text("both"));
            SmtpReply reply = refusal.reply(dialect);
            assertArrayEquals(expected.getBytes(StandardCharsets.US_ASCII), reply.toString().getBytes(StandardCharsets.UTF_8),
                    () -> row.id() + " in " + dialect + ": expected '" + expected + "' but was '" + reply + "'");
            assertEquals(expected.substring(4), reply.statusAndText(), row.id());
            assertEquals(Integer.parseInt(expected.substring(0, 3)), reply.code(), row.id());
        }
    }

    static List<Row> acceptances() {
        return SeedFile.rows("replies.yaml", "acceptances");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptances")
    void acceptanceReadsByteForByte(Row row) throws ReflectiveOperationException {
        SmtpReply reply = (SmtpReply) Acceptance.class.getField(row.id()).get(null);
        assertArrayEquals(row.text("reply").getBytes(StandardCharsets.US_ASCII), reply.toString().getBytes(StandardCharsets.UTF_8),
                () -> row.id() + ": expected '" + row.text("reply") + "' but was '" + reply + "'");
    }

    @Test
    void everyAcceptanceConstantHasARow() {
        assertEquals(Arrays.stream(Acceptance.class.getFields()).filter(f -> f.getType() == SmtpReply.class).map(f -> f.getName())
                .sorted().toList(), acceptances().stream().map(Row::id).sorted().toList());
        assertEquals("250 2.6.0 <m@x> [InternalId=7, Hostname=mail.contoso.com] Queued mail for delivery",
                Acceptance.queued("<m@x>", 7, "mail.contoso.com").toString());
    }

    @Test
    void everyRefusalHasARow() {
        assertEquals(Arrays.stream(Refusal.values()).map(Enum::name).sorted().toList(),
                replies().stream().map(Row::id).sorted().toList());
    }

    @Test
    void dialectIsKnownByItsCliNameOrEnumName() {
        assertEquals(Optional.of(Dialect.EXCHANGE_SERVER), Dialect.byName(" Exchange-Server "));
        assertEquals(Optional.of(Dialect.EXCHANGE_ONLINE), Dialect.byName("EXCHANGE_ONLINE"));
        assertEquals(Optional.empty(), Dialect.byName("exchange-2003"));
        assertEquals("exchange-online, exchange-server", Dialect.names());
    }

    @Test
    void enhancedStatusParsesAndPrintsBack() {
        assertEquals(new EnhancedStatus(5, 7, 60), EnhancedStatus.parse("5.7.60"));
        assertEquals("5.1.10", EnhancedStatus.parse(" 5.1.10 ").toString());
        assertEquals("not an enhanced status code (class.subject.detail): '5.7'",
                assertThrows(IllegalArgumentException.class, () -> EnhancedStatus.parse("5.7")).getMessage());
        assertEquals("enhanced status class must be 2, 4 or 5: 3",
                assertThrows(IllegalArgumentException.class, () -> EnhancedStatus.parse("3.0.0")).getMessage());
    }

    @Test
    void replyCodeMustAgreeWithItsEnhancedStatusClass() {
        assertEquals("reply code 250 doesn't match enhanced status 5.7.1",
                assertThrows(IllegalArgumentException.class, () -> SmtpReply.of(250, "5.7.1", "OK")).getMessage());
        assertEquals("reply text must be one line: a\\r\\nb",
                assertThrows(IllegalArgumentException.class, () -> SmtpReply.of(550, "5.7.1", "a\r\nb")).getMessage());
    }
}
