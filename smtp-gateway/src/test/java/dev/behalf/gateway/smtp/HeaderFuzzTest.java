package dev.behalf.gateway.smtp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzes the header parser and rewriter the DATA step runs on every message: any bytes either parse or
 * are refused with {@link MalformedMessageException}; a parsed message rewritten with a stamped Sender
 * (its display name fuzzed too: CR, LF, quotes, non-ASCII) parses again and carries exactly that one
 * Sender. CI replays {@code HeaderFuzzTestInputs/}; fuzz by hand with {@code JAZZER_FUZZ=1}.
 */
class HeaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyMessageParsesOrIsRefusedAndRewritesIntoOneSender(FuzzedDataProvider data) {
        boolean utf8 = data.consumeBoolean();
        String displayName = data.consumeString(64);
        byte[] raw = data.consumeRemainingAsBytes();
        ParsedMessage message;
        try {
            message = ParsedMessage.parse(raw, utf8, ParsedMessage.Limits.DEFAULT);
            MimeNesting.check(message, ParsedMessage.Limits.DEFAULT.maxMimeDepth(), ParsedMessage.Limits.DEFAULT.maxMimeParts());
        } catch (MalformedMessageException refused) {
            return; // the documented refusal of bad input
        }
        String stamp = HeaderRewriter.mailboxValue(displayName, "delegate@contoso.com");
        byte[] out = HeaderRewriter.rewrite(message, new HeaderRewriter.Rewrite(true, Optional.of(stamp),
                List.of("Return-Path: <delegate@contoso.com>"), List.of("X-Fuzz: 1")));
        ParsedMessage again;
        try {
            // Under the same rules as the first parse: without SMTPUTF8 the header bytes are read as ISO-8859-1,
            // and the DATA step then refuses a non-ASCII From (553 5.6.7) before anything is rewritten.
            again = ParsedMessage.parse(out, utf8, new ParsedMessage.Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
        } catch (MalformedMessageException e) {
            throw new AssertionError("the rewritten message no longer parses: " + e.getMessage(), e);
        }
        assertEquals("delegate@contoso.com", again.sender().orElseThrow().address().toString());
        assertEquals(1, again.fields().stream().filter(f -> f.is("Sender")).count());
    }
}
