package dev.behalf.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.http.Json;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code behalf shell}: the Exchange Management Shell of a running Behalf, over its HTTP API.
 * Interactive with history and tab completion, or one-shot with {@code -c} (exit code 1 on error).
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Run Exchange cmdlets against a running Behalf (interactive, or -c for one command).")
final class ShellCommand implements Callable<Integer> {

    @Option(names = "--server", defaultValue = "http://127.0.0.1:8025", description = "Behalf's HTTP address (default: ${DEFAULT-VALUE}).")
    URI server;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "The server's --admin-token, if it has one.")
    String adminToken;

    @Option(names = {"-c", "--command"}, paramLabel = "COMMANDS", description = "Run these cmdlets and exit (1 when one errored).")
    String command;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Made on first use, not with the command: picocli builds every subcommand at start-up, and an
     * HttpClient loads the TLS stack and the CA keystore, which cost {@code behalf serve} about 0.35 s.
     */
    private HttpClient http;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (command != null) {
            return run(command, out, err) ? 0 : 1;
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("behalf")
                    .completer(new CmdletCompleter())
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".behalf_history"))
                    .build();
            PrintWriter tout = terminal.writer();
            tout.println("Behalf shell on " + server + ". Tab completes cmdlets and parameters; 'exit' leaves.");
            while (true) {
                String line;
                try {
                    line = reader.readLine("[PS] " + server.getHost() + "> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                String trimmed = line.strip();
                if (trimmed.equalsIgnoreCase("exit") || trimmed.equalsIgnoreCase("quit")) {
                    return 0;
                }
                if (!trimmed.isEmpty()) {
                    run(line, tout, tout);
                    tout.flush();
                }
            }
        }
    }

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return http;
    }

    /** Sends the commands; prints output, warnings and errors; true when none errored. */
    private boolean run(String commands, PrintWriter out, PrintWriter err) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/api/shell"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "text/plain; charset=utf-8")
                // A text/plain POST is what any page's form can send; the server asks for this header to tell us apart.
                .header("X-Behalf-Request", "1")
                .POST(HttpRequest.BodyPublishers.ofString(commands, StandardCharsets.UTF_8));
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        HttpResponse<String> response;
        try {
            response = http().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            err.println("behalf shell: no Behalf answers at " + server + "; start one with 'behalf serve' or pass --server");
            return false;
        } catch (IOException e) {
            err.println("behalf shell: " + server + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            err.println("behalf shell: the server answered " + response.statusCode() + " with something that is not JSON");
            return false;
        }
        if (response.statusCode() == 401) {
            err.println("behalf shell: the server needs its admin token: pass --admin-token");
            return false;
        }
        if (body.has("error")) {
            err.println("behalf shell: " + body.get("error").asText());
            return false;
        }
        String output = body.path("output").asText("");
        if (!output.isEmpty()) {
            out.print(output.endsWith("\n") ? output : output + "\n");
        }
        body.path("warnings").forEach(w -> out.println(w.asText()));
        body.path("errors").forEach(e -> err.println(e.asText()));
        out.flush();
        err.flush();
        return response.statusCode() == 200;
    }
}
