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
 * it peeks at each command ({@link CommandLine}); {@code CAPABILITY}, {@code LOGIN} and
 * {@code AUTHENTICATE} are answered here using GreenMail's own parser and response writer (and
 * {@code IDLE}, to close a race in GreenMail's), everything
 * else goes unchanged to GreenMail's {@code ImapRequestHandler}. Sign-in is decided by {@link SignIn}
 * against the directory at that moment and the session is given that box's user directly; GreenMail's
 * registry is never consulted ({@link ClosedUsers}), so {@code delegate\mailbox} is never remembered.
 *
 * <p>Refusals read exactly like a wrong password ({@code NO LOGIN failed.}, {@code NO AUTHENTICATE
 * failed.}, Exchange's texts), whatever the reason; the reason goes to the log. Replies pass through
 * {@link Replies}, which makes the session's changes durable before a reply leaves and sends a
 * command's untagged lines in as few writes as it can.
 */
final class ImapConnection extends ImapHandler {
    static final String CAPABILITIES = "IMAP4rev1 LITERAL+ UIDPLUS SORT IDLE MOVE SASL-IR AUTH=PLAIN";
    static final String LOGIN_FAILED = "LOGIN failed.";
    static final String AUTHENTICATE_FAILED = "AUTHENTICATE failed.";
    private static final int MAX_SASL_LINE = 8192;

    private final ImapHostManager host;
    private final UserManager users;
    private final SignIn signIn;
    private final Boxes boxes;
    private final MessageStore store;
    private final ImapRequestHandler requests = new ImapRequestHandler();
    private final CommandParser parser = new CommandParser();
    private volatile Replies replies;
    private BoxSession session;

    ImapConnection(Socket socket, ImapHostManager host, UserManager users, SignIn signIn, Boxes boxes, MessageStore store) {
        super(users, host, socket);
        this.host = host;
        this.users = users;
        this.signIn = signIn;
        this.boxes = boxes;
        this.store = store;
    }

    @Override
    public void run() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
             Replies out = new Replies(socket.getOutputStream(), store, Thread.currentThread())) {
            replies = out;
            new ImapResponse(out).okResponse("CAPABILITY " + CAPABILITIES, "Behalf IMAP4rev1 service ready");
            out.flushNow();
            session = new BoxSession(host, users, this, socket.getInetAddress().getHostAddress());
            boolean more = true;
            while (more && !isQuitting()) {
                Optional<CommandLine> next = CommandLine.peek(in);
                if (next.isEmpty()) {
                    break;
                }
                more = handle(next.get(), in, out);
            }
        } catch (Exception e) {
            if (!isQuitting()) {
                log.debug("IMAP connection from {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
            }
        } finally {
            close();
        }
    }

    private boolean handle(CommandLine line, InputStream in, OutputStream out) throws ProtocolException {
        switch (line.command()) {
            case "CAPABILITY" -> capability(in, out);
            case "LOGIN" -> login(in, out);
            case "AUTHENTICATE" -> authenticate(in, out);
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
            if (c != '\r' && line.length() < MAX_SASL_LINE) {
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

    private void login(InputStream in, OutputStream out) throws ProtocolException {
        ImapRequestLineReader request = new ImapRequestLineReader(in, out);
        ImapResponse response = new ImapResponse(out);
        try {
            response.setTag(parser.tag(request));
            parser.atom(request);
            if (session.getState() != ImapSessionState.NON_AUTHENTICATED) {
                response.taggedResponse("NO LOGIN failed. Command not valid in this state");
            } else {
                String userid = parser.astring(request);
                String password = parser.astring(request);
                parser.endLine(request);
                finish(signIn.login(userid, password), userid, "LOGIN", response);
            }
        } catch (ProtocolException e) {
            response.commandError(e.getMessage());
        }
        request.consumeLine();
    }

    /** {@code AUTHENTICATE PLAIN [initial-response]} (RFC 3501 §6.2.2, RFC 4959 SASL-IR, RFC 4616). */
    private void authenticate(InputStream in, OutputStream out) throws ProtocolException {
        ImapRequestLineReader request = new ImapRequestLineReader(in, out);
        ImapResponse response = new ImapResponse(out);
        String mechanism;
        String initial = null;
        try {
            response.setTag(parser.tag(request));
            parser.atom(request);
            if (session.getState() != ImapSessionState.NON_AUTHENTICATED) {
                response.taggedResponse("NO AUTHENTICATE failed. Command not valid in this state");
                request.consumeLine();
                return;
            }
            mechanism = parser.atom(request);
            if (request.nextChar() == ' ') {
                initial = parser.atom(request);
            }
            parser.endLine(request);
        } catch (ProtocolException e) {
            response.commandError(e.getMessage());
            request.consumeLine();
            return;
        }
        request.consume(); // the command line's LF: what follows is the client's next line
        if (!"PLAIN".equalsIgnoreCase(mechanism)) {
            response.taggedResponse("NO AUTHENTICATE failed. Unsupported authentication mechanism " + mechanism);
            return;
        }
        String answer = initial != null ? ("=".equals(initial) ? "" : initial) : null;
        if (answer == null) {
            answer = continuation(request, out);
        }
        if ("*".equals(answer)) {
            response.commandError("AUTHENTICATE cancelled.");
            return;
        }
        Optional<SaslPlain> plain = SaslPlain.decode(answer);
        if (plain.isEmpty()) {
            log.info("IMAP AUTHENTICATE refused: the PLAIN response is not base64 of authzid NUL authcid NUL password");
            response.taggedResponse("NO " + AUTHENTICATE_FAILED);
            return;
        }
        SaslPlain p = plain.get();
        String who = p.authzid().isEmpty() ? p.authcid() : p.authcid() + " for " + p.authzid();
        finish(signIn.plain(p.authzid(), p.authcid(), p.password()), who, "AUTHENTICATE", response);
    }

    private static String continuation(ImapRequestLineReader request, OutputStream out) throws ProtocolException {
        try {
            out.write("+ \r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new ProtocolException("can't send the continuation request", e);
        }
        StringBuilder line = new StringBuilder();
        while (true) {
            char c = request.consume();
            if (c == '\n') {
                return line.toString();
            }
            if (c != '\r') {
                if (line.length() >= MAX_SASL_LINE) {
                    throw new ProtocolException("SASL response longer than " + MAX_SASL_LINE + " characters");
                }
                line.append(c);
            }
        }
    }

    private void finish(SignIn.Outcome outcome, String login, String command, ImapResponse response) {
        if (outcome instanceof SignIn.Opened opened) {
            session.setAuthenticated(boxes.open(opened.mailbox()));
            log.info("IMAP {}: {} opened {} ({})", command, opened.account().name(), opened.mailbox().name(), opened.how());
            response.taggedResponse("OK " + command + " completed.");
        } else {
            log.info("IMAP {} refused for '{}': {}", command, login, ((SignIn.Refused) outcome).why());
            response.taggedResponse("NO " + command + " failed.");
        }
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
