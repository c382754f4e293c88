package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapRequestLineReader;
import com.icegreen.greenmail.imap.ImapResponse;
import com.icegreen.greenmail.imap.ProtocolException;
import com.icegreen.greenmail.imap.commands.CommandParser;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.signin.Credential;
import dev.behalf.policy.signin.Mechanism;
import dev.behalf.policy.signin.SaslExchange;
import dev.behalf.policy.signin.SignIn;
import dev.behalf.policy.signin.SignInAttempt;
import dev.behalf.policy.signin.SignInDecision;
import dev.behalf.policy.signin.SignInSurface;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * IMAP {@code LOGIN} (RFC 3501 §6.2.3) and {@code AUTHENTICATE PLAIN} (§6.2.2, RFC 4959 SASL-IR): reads
 * the command, hands the credential to {@link SignIn}, answers. Replies are Exchange's, the same for every
 * refusal ({@code NO LOGIN failed.}, {@code NO AUTHENTICATE failed.}).
 *
 * <p>LOGIN's arguments are read here rather than by GreenMail's parser for two reasons. Exchange accepts
 * a login with a backslash as an atom ({@code LOGIN jimh\ayla secret}, as Python's {@code imaplib} sends
 * it), which RFC 3501 does not ({@code \} is a quoted-special): accepted for the user name of LOGIN only,
 * where no other reading exists, since an atom ends at SP or CRLF and a backslash there can't open a
 * quoted string, an escape or a flag; every other command keeps GreenMail's strict parser. And the
 * arguments are bytes decoded as UTF-8, where GreenMail's reader takes each byte for a Latin-1 character,
 * which broke non-ASCII passwords. Lengths are bounded by the connection's {@link ImapInput}.
 */
final class ImapSignIn {
    static final String LOGIN_FAILED = "LOGIN failed.";
    static final String AUTHENTICATE_FAILED = "AUTHENTICATE failed.";

    private final SignIn signIn;
    private final InetAddress client;
    private final CommandParser parser = new CommandParser();

    /** The session a sign-in opens a mailbox in. */
    interface Session {
        boolean signedIn();

        /** Opens the mailbox a sign-in was accepted for; from then on the limits after sign-in apply. */
        void open(Recipient mailbox);
    }

    ImapSignIn(SignIn signIn, InetAddress client) {
        this.signIn = signIn;
        this.client = client;
    }

    void login(InputStream in, OutputStream out, Session session) throws ProtocolException {
        ImapRequestLineReader request = new ImapRequestLineReader(in, out);
        ImapResponse response = new ImapResponse(out);
        try {
            response.setTag(parser.tag(request));
            parser.atom(request);
            if (session.signedIn()) {
                response.taggedResponse("NO LOGIN failed. Command not valid in this state");
            } else {
                byte[] userid = astring(request, true);
                byte[] password = astring(request, false);
                request.eol();
                Optional<String> user = SaslExchange.utf8(userid);
                Optional<String> pass = SaslExchange.utf8(password);
                Credential credential = user.isPresent() && pass.isPresent()
                        ? new Credential.Password(Mechanism.LOGIN_COMMAND, user.get(), pass.get())
                        : new Credential.Unreadable(Mechanism.LOGIN_COMMAND, Credential.Flaw.NOT_UTF8);
                finish(credential, "LOGIN", response, session);
            }
        } catch (ProtocolException e) {
            if (e.getCause() instanceof IOException) {
                throw e;
            }
            response.commandError(e.getMessage());
        }
        request.consumeLine();
    }

    /**
     * {@code AUTHENTICATE PLAIN|XOAUTH2 [initial-response]}; other mechanisms are refused as Exchange does. XOAUTH2's
     * token is decided by the one {@link SignIn}, never by GreenMail's own XOAUTH2 (which takes any token).
     */
    void authenticate(InputStream in, OutputStream out, Session session) throws ProtocolException {
        ImapRequestLineReader request = new ImapRequestLineReader(in, out);
        ImapResponse response = new ImapResponse(out);
        String mechanism;
        Optional<String> initial = Optional.empty();
        try {
            response.setTag(parser.tag(request));
            parser.atom(request);
            if (session.signedIn()) {
                response.taggedResponse("NO AUTHENTICATE failed. Command not valid in this state");
                request.consumeLine();
                return;
            }
            mechanism = parser.atom(request);
            if (request.nextChar() == ' ') {
                initial = Optional.of(parser.atom(request));
            }
            request.eol();
        } catch (ProtocolException e) {
            if (e.getCause() instanceof IOException) {
                throw e;
            }
            response.commandError(e.getMessage());
            request.consumeLine();
            return;
        }
        request.consume(); // the command line's LF: what follows is the client's next line
        Optional<SaslExchange> sasl = "PLAIN".equalsIgnoreCase(mechanism) || "XOAUTH2".equalsIgnoreCase(mechanism)
                ? SaslExchange.start(mechanism) : Optional.empty();
        if (sasl.isEmpty()) {
            response.taggedResponse("NO AUTHENTICATE failed. Unsupported authentication mechanism " + mechanism);
            return;
        }
        SaslExchange.Step step = sasl.get().initial(initial);
        while (step instanceof SaslExchange.Challenge challenge) {
            String answer = continuation(request, out, challenge.base64());
            if ("*".equals(answer.strip())) {
                response.commandError("AUTHENTICATE cancelled.");
                return;
            }
            step = sasl.get().respond(answer);
        }
        finish(((SaslExchange.Done) step).credential(), "AUTHENTICATE", response, session);
    }

    private void finish(Credential credential, String command, ImapResponse response, Session session) {
        SignInDecision decision = signIn.decide(new SignInAttempt(SignInSurface.IMAP, client, credential));
        if (decision instanceof SignInDecision.Accepted accepted) {
            session.open(accepted.mailbox());
            response.taggedResponse("OK " + command + " completed.");
        } else {
            response.taggedResponse("NO " + command + " failed.");
        }
    }

    /** Sends {@code + challenge} and reads the client's response line (bounded by the connection's input). */
    private static String continuation(ImapRequestLineReader request, OutputStream out, String challenge) throws ProtocolException {
        try {
            out.write(("+ " + challenge + "\r\n").getBytes(StandardCharsets.US_ASCII));
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
                line.append(c);
            }
        }
    }

    /**
     * An astring (RFC 3501 §9: atom / quoted / literal) as its bytes; {@code lenientAtom} lets an atom hold
     * backslashes, as Exchange's LOGIN does for {@code delegate\mailbox}.
     */
    private static byte[] astring(ImapRequestLineReader request, boolean lenientAtom) throws ProtocolException {
        char next = request.nextWordChar();
        if (next == '"') {
            return quoted(request);
        }
        if (next == '{') {
            return literal(request);
        }
        ByteArrayOutputStream atom = new ByteArrayOutputStream();
        while (true) {
            next = request.nextChar();
            if (next == ' ' || next == '\r' || next == '\n') {
                break;
            }
            if (!atomChar(next) && !(lenientAtom && next == '\\')) {
                throw new ProtocolException("Invalid character: '" + next + '\'');
            }
            atom.write(next);
            request.consume();
        }
        if (atom.size() == 0) {
            throw new ProtocolException("Missing argument.");
        }
        return atom.toByteArray();
    }

    /** RFC 3501 ATOM-CHAR: any 7-bit CHAR except atom-specials ( ) { SP CTL % * " \ ]. */
    private static boolean atomChar(char c) {
        return c > 0x20 && c < 0x7F && "(){%*\"\\]".indexOf(c) < 0;
    }

    private static byte[] quoted(ImapRequestLineReader request) throws ProtocolException {
        request.consume();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (true) {
            char c = request.consume();
            if (c == '"') {
                return text.toByteArray();
            }
            if (c == '\r' || c == '\n') {
                throw new ProtocolException("Invalid character in quoted string: CR and LF are not allowed, use a literal instead");
            }
            if (c == '\\') {
                c = request.consume();
                if (c != '"' && c != '\\') {
                    throw new ProtocolException("Invalid escaped character in quote: '" + c + '\'');
                }
            }
            text.write(c);
        }
    }

    /** {@code {n}} or {@code {n+}} CRLF, then n octets; the size was checked by {@link ImapInput} at the line's end. */
    private static byte[] literal(ImapRequestLineReader request) throws ProtocolException {
        request.consume();
        StringBuilder digits = new StringBuilder();
        char c = request.consume();
        while (c >= '0' && c <= '9') {
            digits.append(c);
            c = request.consume();
        }
        boolean synchronizing = c != '+';
        if (!synchronizing) {
            c = request.consume();
        }
        if (c != '}' || digits.length() == 0) {
            throw new ProtocolException("Invalid literal: expected {size} or {size+}");
        }
        c = request.consume();
        if (c == '\r') {
            c = request.consume();
        }
        if (c != '\n') {
            throw new ProtocolException("Invalid literal: expected CRLF after '}'");
        }
        // The connection's input refused a literal larger than its limit when this LF was read.
        if (digits.length() > 9) {
            throw new ProtocolException("Literal octet count '" + digits + "' is out of range");
        }
        int size = Integer.parseInt(digits.toString());
        if (synchronizing) {
            request.commandContinuationRequest();
        }
        byte[] bytes = new byte[size];
        request.read(bytes);
        return bytes;
    }
}
