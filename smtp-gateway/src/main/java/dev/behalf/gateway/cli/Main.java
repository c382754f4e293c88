package dev.behalf.gateway.cli;

/** {@code java -jar behalf.jar serve|shell ...}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(BehalfCommand.commandLine().execute(args));
    }
}
