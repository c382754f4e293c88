package dev.behalf.message;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Differential: for any bytes, {@link HeaderSection#read} reads the fields Jakarta Mail reads (name and
 * value, in order), and whatever {@link HeaderSection#parse} accepts reads the same both ways, also after an
 * edit. CI replays {@code HeaderSectionFuzzTestInputs/}; fuzz by hand with {@code JAZZER_FUZZ=1}.
 */
class HeaderSectionFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void everyReaderReadsTheSameFields(FuzzedDataProvider data) {
        boolean utf8 = data.consumeBoolean();
        byte[] raw = data.consumeRemainingAsBytes();
        HeaderSection read = HeaderSection.read(raw);
        JakartaReading.headers(raw).ifPresent(jakarta -> assertEquals(
                jakarta.stream().map(h -> h[0] + ": " + h[1]).toList(),
                read.fields().stream().map(f -> f.name() + ": " + f.value()).toList()));
        JakartaReading.headerLines(raw).ifPresent(jakarta -> assertEquals(jakarta, read.fields().stream().map(read::line).toList(),
                "each field as the IMAP layer hands it to GreenMail"));
        HeaderSection parsed;
        try {
            parsed = HeaderSection.parse(raw, HeaderSection.Rules.SUBMISSION.withUtf8(utf8));
        } catch (HeaderSyntaxException refused) {
            return;
        }
        if (parsed.fields().isEmpty()) {
            return; // no header section at all: all body, and refused for want of a From
        }
        assertEquals(read, parsed);
        List<String> jakartaFrom = JakartaReading.envelopeFrom(raw).orElseThrow();
        assertEquals(jakartaFrom, parsed.from().stream().map(Address::address).toList());
        HeaderSection edited = parsed.edit().prepend("Return-Path: <a@b.c>").remove("Sender")
                .insertAfter("From", "Sender: x@y.z").append("X-Id: 1").apply();
        assertEquals(HeaderSection.read(edited.raw()), edited);
    }
}
