package com.icegreen.greenmail.pop3;

import com.icegreen.greenmail.pop3.commands.Pop3CommandRegistry;
import com.icegreen.greenmail.user.UserManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * GreenMail's POP3 connection with Behalf's greeting instead of "+OK POP3 GreenMail Server v2.1.13
 * ready", matching the IMAP one ("Behalf IMAP4rev1 service ready"), and with every client line bounded.
 * In GreenMail's package because {@code Pop3Handler.sendGreetings} and {@code handleCommand} and the
 * connection's reader ({@code Pop3Connection.in}, a {@code BufferedReader} that reads a line of any
 * length into memory) are package-private; compiled against GreenMail 2.1.13, so an upgrade that changes
 * them breaks the build here.
 */
public final class BehalfPop3Handler extends Pop3Handler {
    public static final String GREETING = "+OK Behalf POP3 service ready";

    private final LineGuard guard;
    private boolean guarded;

    /** Bounds the client's lines: wraps the socket's input, and says why it refused one. */
    public interface LineGuard {
        InputStream wrap(InputStream in);

        /** The line to answer before disconnecting, once a line was too long. */
        Optional<String> refusal();
    }

    public BehalfPop3Handler(Pop3CommandRegistry registry, UserManager manager, Socket socket, LineGuard guard) {
        super(registry, manager, socket);
        this.guard = guard;
    }

    @Override
    void sendGreetings() {
        conn.println(GREETING);
    }

    @Override
    void handleCommand() throws IOException {
        if (!guarded) {
            // Nothing has been read yet: the first command is read after the greeting.
            conn.in = new BufferedReader(new InputStreamReader(guard.wrap(socket.getInputStream()), StandardCharsets.UTF_8));
            guarded = true;
        }
        try {
            super.handleCommand();
        } catch (IOException e) {
            if (guard.refusal().isEmpty()) {
                throw e;
            }
            conn.println(guard.refusal().get());
            conn.quit();
        }
    }
}
