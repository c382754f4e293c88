package dev.behalf.gateway.cli;

/** {@code java -jar behalf.jar serve|shell ...}. */
public final class Main {
    /** Jakarta Mail's system property naming its {@code StreamProvider}; see {@link #main}. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

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
        System.exit(BehalfCommand.commandLine().execute(args));
    }
}
