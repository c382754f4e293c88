package dev.behalf.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code behalf} command: {@code serve} runs the server, {@code shell} talks to one. */
@Command(name = "behalf", mixinStandardHelpOptions = true, versionProvider = BehalfCommand.Version.class,
        description = "Mock SMTP submission server enforcing Exchange-style mailbox delegation.",
        subcommands = {ServeCommand.class, ShellCommand.class, CommandLine.HelpCommand.class})
public final class BehalfCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: serve, shell or help");
    }

    public static CommandLine commandLine() {
        return new CommandLine(new BehalfCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BehalfCommand.class.getPackage().getImplementationVersion();
            return new String[] {"behalf " + (v == null ? "(development build)" : v)};
        }
    }
}
