package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.imap.ImapRequestHandler;
import com.icegreen.greenmail.imap.ImapRequestLineReader;
import com.icegreen.greenmail.imap.ImapResponse;
import com.icegreen.greenmail.imap.ImapSessionFolder;
import com.icegreen.greenmail.imap.ImapSessionState;
import com.icegreen.greenmail.imap.ProtocolException;
import com.icegreen.greenmail.imap.commands.CommandParser;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.user.UserManager;
import dev.behalf.mailstore.core.MessageStore;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.signin.SignIn;
import jakarta.mail.Flags;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One IMAP connection: GreenMail's command processing behind a thin front that owns sign-in.
 *
 * <p>Why here: GreenMail 2.1.13's {@code ImapRequestHandler} is final and builds its command table
 * itself, {@code AUTHENTICATE} knows only XOAUTH2, and {@code LOGIN} asks the user registry
 * ({@code UserManager.test} then {@code getUser}), which has no notion of acting for another mailbox.
 * The narrowest seam is the connection's read loop ({@code ImapHandler.run}, ~20 lines, mirrored here):
 * it peeks at each command ({@link CommandLine}); {@code LOGIN} and {@code AUTHENTICATE} go to
 * {@link ImapSignIn}, which asks {@link SignIn} against the directory at that moment and gives the session
 * that box's user directly (GreenMail's registry is never consulted, {@link ClosedUsers}, so
 * {@code delegate\mailbox} is never remembered); {@code CAPABILITY} and {@code IDLE} (to close a race in
 * GreenMail's) are answered here with GreenMail's own parser and response writer, {@code FETCH} and
 * {@code UID FETCH} by {@link ImapFetch} (GreenMail's loses octets of the body sections), {@code APPEND} by
 * {@link ImapAppend} (GreenMail's stores Jakarta Mail's rewrite of the literal); everything else goes
 * unchanged to GreenMail's {@code ImapRequestHandler}. Every byte read passes through a {@link LimitedInput},
 * so no command grows a buffer past the {@link InputLimits} (counted by {@link ImapInput}); a client that exceeds them hears one
 * {@code * BYE} with the reason and is disconnected.
 *
 * <p>Refusals read exactly like a wrong password ({@code NO LOGIN failed.}, {@code NO AUTHENTICATE
 * failed.}, Exchange's texts), whatever the reason; the reason goes to the log. Replies pass through
 * {@link Replies}, which makes the session's changes durable before a reply leaves and sends a
 * command's untagged lines in as few writes as it can.
 */
final class ImapConnection extends ImapHandler {
    static final String CAPABILITIES = "IMAP4rev1 LITERAL+ UIDPLUS SORT IDLE MOVE SASL-IR AUTH=PLAIN AUTH=XOAUTH2";
    private static final int MAX_IDLE_LINE = 8192;

    private final ImapHostManager host;
    private final UserManager users;
    private final ImapSignIn signIn;
    private final InputBudget budget;
    private final Boxes boxes;
    private final MessageStore store;
    private final ImapRequestHandler requests = new ImapRequestHandler();
    private final CommandParser parser = new CommandParser();
    private final ImapFetch fetch = new ImapFetch();
    private final ImapAppend append = new ImapAppend();
    private volatile Replies replies;
    private BoxSession session;

    ImapConnection(Socket socket, ImapHostManager host, UserManager users, SignIn signIn, InputLimits limits, Boxes boxes,
                   MessageStore store) {
        super(users, host, socket);
        this.host = host;
        this.users = users;
        this.signIn = new ImapSignIn(signIn, socket.getInetAddress());
        this.budget = new InputBudget(limits);
        this.boxes = boxes;
        this.store = store;
    }

    @Override
    public void run() {
        ImapInput framing = new ImapInput(budget);
        try (InputStream in = new LimitedInput(new BufferedInputStream(socket.getInputStream(), 8192), framing);
             Replies sync = new Replies(socket.getOutputStream(), store, Thread.currentThread())) {
            // Once the input is refused, what a parser half-way through the command still writes is dropped:
            // the client hears the refusal only.
            OutputStream out = new RefusalGate(sync, framing);
            replies = sync;
            new ImapResponse(out).okResponse("CAPABILITY " + CAPABILITIES, "Behalf IMAP4rev1 service ready");
            sync.flushNow();
            session = new BoxSession(host, users, this, socket.getInetAddress().getHostAddress());
            try {
                serve(in, out);
            } catch (IOException | ProtocolException e) {
                if (framing.refusal().isEmpty()) {
                    throw e;
                }
            }
            if (framing.refusal().isPresent()) {
                log.info("IMAP client {} disconnected: {}", socket.getRemoteSocketAddress(), framing.refusal().get());
                new ImapResponse(sync).byeResponse(framing.refusal().get());
            }
        } catch (Exception e) {
            if (!isQuitting()) {
                log.debug("IMAP connection from {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
            }
        } finally {
            close();
        }
    }

    private void serve(InputStream in, OutputStream out) throws IOException, ProtocolException {
        boolean more = true;
        while (more && !isQuitting()) {
            Optional<CommandLine> next = CommandLine.peek(in, budget.line());
            if (next.isEmpty()) {
                break;
            }
            more = handle(next.get(), in, out);
        }
    }

    private boolean handle(CommandLine line, InputStream in, OutputStream out) throws ProtocolException {
        switch (line.command()) {
            case "CAPABILITY" -> capability(in, out);
            case "LOGIN" -> signIn.login(in, out, signInSession());
            case "AUTHENTICATE" -> signIn.authenticate(in, out, signInSession());
            case "FETCH" -> fetch(in, out);
            case "UID" -> {
                if (!line.argument().equals("FETCH")) {
                    return requests.handleRequest(in, out, session);
                }
                fetch(in, out);
            }
            case "APPEND" -> {
                if (session.getState() == ImapSessionState.NON_AUTHENTICATED) {
                    return requests.handleRequest(in, out, session);
                }
                append(in, out);
            }
            case "IDLE" -> {
                if (session.getState() != ImapSessionState.SELECTED) {
                    return requests.handleRequest(in, out, session);
                }
                idle(in, out);
            }
            default -> {
                return requests.handleRequest(in, out, session);
            }
        }
        return true;
    }

    /**
     * {@code IDLE} (RFC 2177), as GreenMail's {@code IdleCommand} does it but listening before the
     * continuation: GreenMail sends {@code +} first and registers its listener after, so a message
     * delivered in between was announced only at {@code DONE}, however long the client idled.
     */
    private void idle(InputStream in, OutputStream out) throws ProtocolException {
        ImapRequestLineReader request = new ImapRequestLineReader(in, out);
        ImapResponse response = new ImapResponse(out);
        if (!commandWithoutArguments(request, response)) {
            return;
        }
        request.consume(); // the command line's LF: what follows is DONE
        FolderListener listener = new IdleListener(response);
        ImapSessionFolder folder = session.getSelected();
        folder.addListener(listener);
        try {
            unsolicited(response);
            request.commandContinuationRequest();
            String done = idleLine(request);
            unsolicited(response);
            if ("DONE".equalsIgnoreCase(done.strip())) {
                response.taggedResponse("OK IDLE completed.");
            } else {
                response.taggedResponse("BAD IDLE ended by '" + done.strip() + "'; expected DONE");
            }
        } finally {
            folder.removeListener(listener);
        }
    }

    private void unsolicited(ImapResponse response) {
        try {
            session.unsolicitedResponses(response);
        } catch (FolderException e) {
            log.debug("IMAP IDLE: no unsolicited responses: {}", e.toString());
        }
    }

    /** The line that ends IDLE; the socket's read timeout only makes the wait go round again, as in GreenMail. */
    private static String idleLine(ImapRequestLineReader request) throws ProtocolException {
        while (true) {
            try {
                request.nextChar();
                break;
            } catch (ProtocolException e) {
                if (!(e.getCause() instanceof java.net.SocketTimeoutException)) {
                    throw e;
                }
            }
        }
        StringBuilder line = new StringBuilder();
        while (true) {
            char c = request.consume();
            if (c == '\n') {
                return line.toString();
            }
            if (c != '\r' && line.length() < MAX_IDLE_LINE) {
                line.append(c);
            }
        }
    }

    /** Announces from the delivering thread, as GreenMail's IDLE listener does. */
    private record IdleListener(ImapResponse response) implements FolderListener {
        @Override
        public void expunged(int msn) {
            response.expungeResponse(msn);
        }

        @Override
        public void added(int msn) {
            response.existsResponse(msn);
        }

        @Override
        public void flagsUpdated(int msn, Flags flags, Long uid) {
        }

        @Override
        public void mailboxDeleted() {
        }
    }

    /** Reads {@code tag COMMAND} and the line's end; on a syntax error answers BAD, skips the line and returns false. */
    private boolean commandWithoutArguments(ImapRequestLineReader request, ImapResponse response) throws ProtocolException {
        try {
            response.setTag(parser.tag(request));
            parser.atom(request);
            parser.endLine(request);
            return true;
        } catch (ProtocolException e) {
            response.commandError(e.getMessage());
            request.consumeLine();
            return false;
        }
    }

    private void capability(InputStream in, OutputStream out) throws ProtocolException {
        ImapRequestLineReader request = new ImapRequestLineReader(in, out);
        ImapResponse response = new ImapResponse(out);
        if (!commandWithoutArguments(request, response)) {
            return;
        }
        response.untaggedResponse("CAPABILITY " + CAPABILITIES);
        try {
            session.unsolicitedResponses(response);
            response.taggedResponse("OK CAPABILITY completed.");
        } catch (FolderException e) {
            response.taggedResponse("NO CAPABILITY failed. " + e.getMessage());
        }
        request.consumeLine();
    }

    private void fetch(InputStream in, OutputStream out) throws ProtocolException {
        ImapRequestLineReader request = new ImapRequestLineReader(in, out);
        fetch.run(request, new ImapResponse(out), session);
        request.consumeLine();
    }

    private void append(InputStream in, OutputStream out) throws ProtocolException {
        ImapRequestLineReader request = new ImapRequestLineReader(in, out);
        append.run(request, new ImapResponse(out), session);
        request.consumeLine();
    }

    /** The session as sign-in sees it: the box {@link SignIn} opened becomes the session's user. */
    private ImapSignIn.Session signInSession() {
        return new ImapSignIn.Session() {
            @Override
            public boolean signedIn() {
                return session.getState() != ImapSessionState.NON_AUTHENTICATED;
            }

            @Override
            public void open(Recipient mailbox) {
                session.setAuthenticated(boxes.open(mailbox));
                budget.signedIn();
            }
        };
    }

    @Override
    public void forceConnectionClose(String message) {
        Replies out = replies;
        if (out != null) {
            new ImapResponse(out).byeResponse(message);
            try {
                out.flushNow();
            } catch (IOException e) {
                log.debug("IMAP BYE not sent: {}", e.toString());
            }
        }
        close();
    }
}
