package dev.behalf.gateway.cli;

import dev.behalf.policy.text.Printable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The server's logging: an SLF4J provider of Behalf's own that writes one line per event on stderr,
 * {@code HH:mm:ss.SSS LEVEL Logger - message}, Behalf at {@code -Dbehalf.log.level} (INFO by
 * default), the libraries quieter. {@link Main} names it as {@code slf4j.provider}, so nothing but
 * {@code behalf.jar}'s command line uses it; tests and embedders keep whatever provider they have.
 *
 * <p>Why not logback: its start costs 230 classes and about 0.15 s of a start-up that must not be
 * slower than GreenMail's (docs/benchmarks.md), for a console line this writes with a dozen classes.
 * Logback is still in the jar for anyone who wants more: {@code -Dlogback.configurationFile} makes
 * {@link Main} pick it instead (see {@link LogSetup}).
 */
public final class StderrLogging implements SLF4JServiceProvider {
    /** GreenMail logs raw protocol lines (passwords included) at DEBUG and every NO reply with a stack at WARN;
     *  SubEthaSMTP and Netty narrate every connection. Behalf logs one line per transaction. */
    static final String[][] LIBRARY_LEVELS = {{"com.icegreen", "ERROR"}, {"org.subethamail", "WARN"}, {"io.netty", "WARN"}};

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private volatile Factory factory;

    /** Used by SLF4J ({@code slf4j.provider}). */
    public StderrLogging() {
    }

    @Override
    public void initialize() {
        factory = new Factory(level(System.getProperty("behalf.log.level")));
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    /** {@code debug}, {@code WARN}...; {@code OFF} silences; anything else (or nothing) means INFO, as logback read it. */
    static int level(String name) {
        if (name == null) {
            return Level.INFO.toInt();
        }
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "ALL", "TRACE" -> Level.TRACE.toInt();
            case "DEBUG" -> Level.DEBUG.toInt();
            case "WARN" -> Level.WARN.toInt();
            case "ERROR" -> Level.ERROR.toInt();
            case "OFF" -> Integer.MAX_VALUE;
            default -> Level.INFO.toInt();
        };
    }

    /** Loggers by name; each one's threshold is fixed when it is made. */
    static final class Factory implements ILoggerFactory {
        private final int rootLevel;
        private final ConcurrentMap<String, StderrLogger> loggers = new ConcurrentHashMap<>();

        Factory(int rootLevel) {
            this.rootLevel = rootLevel;
        }

        @Override
        public org.slf4j.Logger getLogger(String name) {
            return loggers.computeIfAbsent(name, n -> new StderrLogger(n, threshold(n)));
        }

        /** The library's own level for its packages, the root level for everyone else. */
        int threshold(String name) {
            for (String[] library : LIBRARY_LEVELS) {
                if (name.equals(library[0]) || name.startsWith(library[0]) && name.charAt(library[0].length()) == '.') {
                    return level(library[1]);
                }
            }
            return rootLevel;
        }
    }

    /** One line per event; the line and its stack trace written in one call so threads don't interleave. */
    static final class StderrLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        /** Read once: {@code TimeZone.getDefault()} clones the zone on every call. */
        private static final TimeZone ZONE = TimeZone.getDefault();
        /** The charset System.err encodes with, chosen as the JDK chose it for that stream. */
        private static final Charset ERR_CHARSET = errCharset();
        private static final PrintStream JVM_ERR = System.err;
        private static final FileOutputStream FD_ERR = new FileOutputStream(FileDescriptor.err);
        private static final int PIPE_BUF = 4096;
        private final int threshold;
        private final String shortName;

        StderrLogger(String name, int threshold) {
            this.name = name;
            this.threshold = threshold;
            this.shortName = name.substring(name.lastIndexOf('.') + 1);
        }

        private boolean on(Level level) {
            return level.toInt() >= threshold;
        }

        @Override
        public boolean isTraceEnabled() {
            return on(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return on(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return on(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return on(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return on(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            // One line per event: what a client chose (a login, a header in a refusal's reason) is escaped, not written raw.
            byte[] line = line(System.currentTimeMillis(), level, shortName,
                    Printable.of(MessageFormatter.basicArrayFormat(pattern, arguments)), throwable).getBytes(ERR_CHARSET);
            write(line);
        }

        /** {@code 13:50:57.927 INFO  GreenMailStore - IMAP listening on ...}, the pattern logback was given. */
        static String line(long millis, Level level, String logger, String message, Throwable throwable) {
            long local = millis + ZONE.getOffset(millis);
            int ms = (int) Math.floorMod(local, 86_400_000L);
            StringBuilder b = new StringBuilder(64 + (message == null ? 4 : message.length()));
            two(b, ms / 3_600_000).append(':');
            two(b, ms / 60_000 % 60).append(':');
            two(b, ms / 1000 % 60).append('.');
            int frac = ms % 1000;
            b.append((char) ('0' + frac / 100)).append((char) ('0' + frac / 10 % 10)).append((char) ('0' + frac % 10)).append(' ');
            String l = level.toString();
            b.append(l);
            for (int i = l.length(); i < 6; i++) {
                b.append(' ');
            }
            b.append(logger).append(" - ").append(message).append(System.lineSeparator());
            if (throwable != null) {
                StringWriter trace = new StringWriter();
                throwable.printStackTrace(new PrintWriter(trace));
                b.append(trace);
            }
            return b.toString();
        }

        /**
         * One write(2) of the whole line on the process's stderr. Not through {@code System.err}: that stream's lock is held
         * across the system call, and with a line per sign-in and per message the session threads queued on it (it was
         * the most contended lock of a load run). The kernel keeps each write whole: a pipe up to {@code PIPE_BUF}
         * (4,096 bytes), a file always; longer lines (a stack trace) still take a lock so they cannot interleave with each
         * other. A {@code System.err} that someone replaced (a test capturing it) gets the line itself.
         */
        private static void write(byte[] line) {
            PrintStream err = System.err;
            if (err != JVM_ERR) {
                err.write(line, 0, line.length);
                return;
            }
            try {
                if (line.length <= PIPE_BUF) {
                    FD_ERR.write(line);
                } else {
                    synchronized (FD_ERR) {
                        FD_ERR.write(line);
                    }
                }
            } catch (IOException e) {
                // stderr closed: as PrintStream would, drop the line rather than fail the caller
            }
        }

        private static Charset errCharset() {
            String name = System.getProperty("sun.stderr.encoding");
            if (name != null) {
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    // unknown or unsupported: System.err fell back to the default as well
                }
            }
            return Charset.defaultCharset();
        }

        private static StringBuilder two(StringBuilder b, int value) {
            return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }
    }
}
