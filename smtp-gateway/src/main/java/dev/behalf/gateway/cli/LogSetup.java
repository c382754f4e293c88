package dev.behalf.gateway.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The server's logging, set up in code: one line per event on stderr, Behalf at
 * {@code -Dbehalf.log.level} (INFO by default), the libraries quieter.
 *
 * <p>Why not {@code logback.xml}: reading it starts Joran, an XML parser and about 500 classes,
 * 0.3-0.4 s of a start-up that is otherwise about a second (docs/benchmarks.md). A
 * {@code -Dlogback.configurationFile} or a {@code logback-test.xml} on the class path still wins:
 * this steps aside for them.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        console(context, System.getProperty("behalf.log.level", "INFO"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void console(LoggerContext context, String level) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(stderr);
        // GreenMail and SubEthaSMTP narrate every connection (GreenMail logs raw protocol lines, passwords
        // included, at DEBUG and every NO reply with a stack at WARN); Behalf logs one line per transaction.
        context.getLogger("com.icegreen").setLevel(Level.ERROR);
        context.getLogger("org.subethamail").setLevel(Level.WARN);
        context.getLogger("io.netty").setLevel(Level.WARN);
    }
}
