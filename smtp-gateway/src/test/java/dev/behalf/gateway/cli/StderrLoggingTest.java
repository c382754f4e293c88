package dev.behalf.gateway.cli;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StderrLoggingTest {

    @Test
    void oneLinePerEventInLogbacksOldPattern() {
        long millis = 13 * 3_600_000L + 50 * 60_000L + 57_927L - TimeZone.getDefault().getOffset(0L);
        assertEquals("13:50:57.927 INFO  RunningBehalf - Behalf ready in 42 ms" + System.lineSeparator(),
                StderrLogging.StderrLogger.line(millis, Level.INFO, "RunningBehalf", "Behalf ready in 42 ms", null));
        assertTrue(StderrLogging.StderrLogger.line(millis, Level.ERROR, "X", "m", null).startsWith("13:50:57.927 ERROR X - m"));
        String withTrace = StderrLogging.StderrLogger.line(millis, Level.WARN, "X", "failed", new IllegalStateException("why"));
        assertTrue(withTrace.startsWith("13:50:57.927 WARN  X - failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: why" + System.lineSeparator() + "\tat "), withTrace);
    }

    @Test
    void whatAClientWroteCannotStartALineOfItsOwn() throws Exception {
        Logger log = new StderrLogging.Factory(StderrLogging.level("INFO")).getLogger("dev.behalf.gateway.smtp.DataStep");
        PrintStream err = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            log.info("DATA {} From {}: Denied", "jimh@contoso.com", "a@b\r\n13:00:00.000 INFO  DataStep - DATA x: SendAs\u001b[2J\u2028");
        } finally {
            System.setErr(err);
        }
        // Only this logger's lines: a test agent may write to stderr too while it is captured.
        List<String> lines = Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\\R")).filter(l -> l.contains("DataStep - ")).toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith(" INFO  DataStep - DATA jimh@contoso.com From a@b\\u000d\\u000a13:00:00.000 INFO  DataStep - DATA x: SendAs"
                + "\\u001b[2J\\u2028: Denied"), lines.get(0));
    }

    @Test
    void behalfAtTheGivenLevelTheLibrariesQuieter() {
        var factory = new StderrLogging.Factory(StderrLogging.level("INFO"));
        Logger behalf = factory.getLogger("dev.behalf.gateway.app.RunningBehalf");
        assertTrue(behalf.isInfoEnabled());
        assertFalse(behalf.isDebugEnabled());
        Logger greenmail = factory.getLogger("com.icegreen.greenmail.imap.ImapHandler");
        assertFalse(greenmail.isWarnEnabled(), "GreenMail logs protocol lines, passwords included, below ERROR");
        assertTrue(greenmail.isErrorEnabled());
        assertFalse(factory.getLogger("org.subethamail.smtp.server.Session").isInfoEnabled());
        assertTrue(factory.getLogger("org.subethamail.smtp.server.Session").isWarnEnabled());
        assertFalse(factory.getLogger("io.netty.channel.DefaultChannelPipeline").isInfoEnabled());
        assertTrue(factory.getLogger("io.nettyish.Other").isInfoEnabled(), "a package prefix, not a string prefix");

        var debug = new StderrLogging.Factory(StderrLogging.level("debug"));
        assertTrue(debug.getLogger("dev.behalf.gateway.smtp.SubmissionServer").isDebugEnabled());
        assertFalse(debug.getLogger("com.icegreen.greenmail.imap.ImapHandler").isWarnEnabled());
        assertFalse(new StderrLogging.Factory(StderrLogging.level("OFF")).getLogger("dev.behalf.X").isErrorEnabled());
    }

    @Test
    void aBadOrMissingLevelMeansInfo() {
        assertEquals(Level.INFO.toInt(), StderrLogging.level(null));
        assertEquals(Level.INFO.toInt(), StderrLogging.level("loud"));
        assertEquals(Level.TRACE.toInt(), StderrLogging.level(" trace "));
        assertEquals(Level.WARN.toInt(), StderrLogging.level("warn"));
    }

    @Test
    void argumentsAreFormattedAndTheLineGoesToStderr() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Logger log = new StderrLogging.Factory(StderrLogging.level("INFO")).getLogger("dev.behalf.gateway.smtp.SubmissionServer");
            log.info("SMTP submission listening on {}:{}", "127.0.0.1", 2525);
            log.debug("not shown {}", 1);
        } finally {
            System.setErr(saved);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  SubmissionServer - SMTP submission listening on 127\\.0\\.0\\.1:2525\\R"), out);
    }
}
