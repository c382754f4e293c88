package dev.behalf.gateway.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSetupTest {

    @Test
    void oneLinePerEventOnStderrWithTheLibrariesQuieter() {
        LoggerContext context = new LoggerContext();
        LogSetup.console(context, "INFO");
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        assertEquals(Level.ERROR, context.getLogger("com.icegreen.greenmail.imap.ImapHandler").getEffectiveLevel(),
                "GreenMail logs protocol lines, passwords included, below ERROR");
        assertEquals(Level.WARN, context.getLogger("org.subethamail.smtp.server.Session").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("io.netty.channel.DefaultChannelPipeline").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("dev.behalf.gateway.app.RunningBehalf").getEffectiveLevel());

        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertEquals("System.err", stderr.getTarget());
        @SuppressWarnings("unchecked")
        var encoder = (LayoutWrappingEncoder<ch.qos.logback.classic.spi.ILoggingEvent>) (Object) stderr.getEncoder();
        var event = new LoggingEvent("x", context.getLogger("dev.behalf.gateway.app.RunningBehalf"), Level.INFO,
                "Behalf ready in {} ms", null, new Object[] {42});
        String line = encoder.getLayout().doLayout(event);
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  RunningBehalf - Behalf ready in 42 ms\\R"), line);
    }

    @Test
    void theLevelComesFromTheCallerAndABadOneMeansInfo() {
        LoggerContext context = new LoggerContext();
        LogSetup.console(context, "debug");
        assertEquals(Level.DEBUG, context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
        LoggerContext other = new LoggerContext();
        LogSetup.console(other, "loud");
        assertEquals(Level.INFO, other.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
    }
}
