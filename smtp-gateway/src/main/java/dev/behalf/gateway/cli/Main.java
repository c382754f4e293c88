package dev.behalf.gateway.cli;

import dev.behalf.gateway.http.HttpServer;

/** {@code java -jar behalf.jar serve|shell ...}. */
public final class Main {
    /** Jakarta Mail's system property naming its {@code StreamProvider}; see {@link #main}. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    /** Netty's system property that turns its JFR events on; see {@link #main}. */
    static final String NETTY_JFR = "io.netty.jfr.enabled";
    /** SLF4J's system property naming its provider (SLF4J 2.0.9 and later); see {@link #logging}. */
    static final String SLF4J_PROVIDER = "slf4j.provider";
    static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";
    static final String LOGBACK = "ch.qos.logback.classic.spi.LogbackServiceProvider";

    private Main() {
    }

    public static void main(String[] args) {
        // Jakarta Mail 2.1 looks its StreamProvider up on every header parse (InternetHeaders.load), and
        // without this property that is a ServiceLoader scan that reopens the whole jar each time: about a
        // quarter of the CPU of an SMTP submission under load (docs/benchmarks.md). Naming the provider the
        // ServiceLoader would find (Angus Mail's, the only one we ship) makes the lookup a class-name load.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        // Netty 4.2's buffer allocator registers JFR events at its first use, which starts JFR's own machinery
        // (its metadata, a process handle, lambdas) in every start; Behalf never records them. Pass
        // -Dio.netty.jfr.enabled=true to have them.
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
        logging();
        if (args.length > 0 && args[0].equals("serve")) {
            // Both while the command line is read and the directory loads; the Behalf started below joins Netty's.
            // After the properties above: Netty's first log line, its JFR switch and Jakarta Mail read them.
            HttpServer.preloadInBackground();
            StartClasses.preloadInBackground();
        }
        var serve = QuickServe.parse(args, System::getenv);
        System.exit(serve.isPresent() ? QuickServe.run(serve.get()) : BehalfCommand.commandLine().execute(args));
    }

    /**
     * Behalf's own stderr logger ({@link StderrLogging}) unless the command line asks for logback with
     * {@code -Dlogback.configurationFile} (or names a provider itself). Named, not registered as a service:
     * SLF4J's discovery (tests, embedders of the engine) keeps finding logback or whatever they bring.
     */
    static void logging() {
        if (System.getProperty(SLF4J_PROVIDER) == null) {
            System.setProperty(SLF4J_PROVIDER, System.getProperty("logback.configurationFile") == null
                    ? StderrLogging.class.getName() : LOGBACK);
            // Else SLF4J opens every start with "SLF4J(I): Attempting to load provider ...", the choice made here.
            if (System.getProperty(SLF4J_VERBOSITY) == null) {
                System.setProperty(SLF4J_VERBOSITY, "WARN");
            }
        }
    }
}
