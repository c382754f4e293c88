package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.pop3.Pop3Connection;
import com.icegreen.greenmail.pop3.Pop3State;
import com.icegreen.greenmail.pop3.commands.Pop3Command;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.UserException;
import dev.behalf.policy.signin.Credential;
import dev.behalf.policy.signin.Mechanism;
import dev.behalf.policy.signin.SaslExchange;
import dev.behalf.policy.signin.SignIn;
import dev.behalf.policy.signin.SignInAttempt;
import dev.behalf.policy.signin.SignInDecision;
import dev.behalf.policy.signin.SignInSurface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * POP3 sign-in for one connection: {@code USER} and {@code PASS} (RFC 1939 §7) and {@code AUTH PLAIN}
 * (RFC 5034, with the authorization identity GreenMail ignores), decided by {@link SignIn}. {@code USER}
 * always answers {@code +OK}: whether the name exists is revealed only as the single refusal
 * {@link #SIGN_IN_FAILED} after the password. The pending {@code USER} name belongs to this connection alone.
 */
final class Pop3SignIn {
    /** Exchange's POP3 refusal, for every reason a sign-in fails. */
    static final String SIGN_IN_FAILED = "-ERR Logon failure: unknown user name or bad password.";
    private static final Logger log = LoggerFactory.getLogger(Pop3SignIn.class);

    private final SignIn signIn;
    private final InetAddress client;
    private final Boxes boxes;
    private final InputBudget input;
    private String pendingUser;

    Pop3SignIn(SignIn signIn, InetAddress client, Boxes boxes, InputBudget input) {
        this.signIn = signIn;
        this.client = client;
        this.boxes = boxes;
        this.input = input;
    }

    /** The commands this class answers, by name. */
    Map<String, Pop3Command> commands() {
        return Map.of("USER", new User(), "PASS", new Pass(), "AUTH", new Auth());
    }

    private static String argument(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(space + 1);
    }

    private void finish(Credential credential, Pop3Connection conn, Pop3State state) {
        SignInDecision decision = signIn.decide(new SignInAttempt(SignInSurface.POP3, client, credential));
        if (!(decision instanceof SignInDecision.Accepted accepted)) {
            conn.println(SIGN_IN_FAILED);
            return;
        }
        state.setUser(boxes.open(accepted.mailbox()));
        try {
            state.authenticate("");  // SignIn has checked the password; the session's user accepts it
        } catch (UserException | FolderException e) {
            log.warn("POP3: {} could not open {}", accepted.account().name(), accepted.mailbox().name(), e);
            conn.println(SIGN_IN_FAILED);
            return;
        }
        input.signedIn();
        conn.println("+OK");
    }

    private abstract static class BeforeSignIn extends Pop3Command {
        @Override
        public boolean isValidForState(Pop3State state) {
            return !state.isAuthenticated();
        }
    }

    private final class User extends BeforeSignIn {
        @Override
        public void execute(Pop3Connection conn, Pop3State state, String cmd) {
            String name = argument(cmd).strip();
            if (name.isEmpty()) {
                conn.println("-ERR Required syntax: USER <username>");
                return;
            }
            pendingUser = name;
            conn.println("+OK");
        }
    }

    private final class Pass extends BeforeSignIn {
        @Override
        public void execute(Pop3Connection conn, Pop3State state, String cmd) {
            if (pendingUser == null) {
                conn.println("-ERR USER required");
                return;
            }
            String login = pendingUser;
            pendingUser = null;
            finish(new Credential.Password(Mechanism.USER_PASS, login, argument(cmd)), conn, state);
        }
    }

    private final class Auth extends BeforeSignIn {
        @Override
        public void execute(Pop3Connection conn, Pop3State state, String cmd) {
            String[] args = cmd.strip().split(" +");
            if (args.length < 2) {
                conn.println("-ERR Required syntax: AUTH mechanism [initial-response]");
                return;
            }
            Optional<SaslExchange> sasl = "PLAIN".equalsIgnoreCase(args[1]) || "XOAUTH2".equalsIgnoreCase(args[1])
                    ? SaslExchange.start(args[1]) : Optional.empty();
            if (sasl.isEmpty()) {
                conn.println("-ERR Unsupported authentication mechanism " + args[1]);
                return;
            }
            SaslExchange.Step step = sasl.get().initial(args.length >= 3 ? Optional.of(args[2]) : Optional.empty());
            while (step instanceof SaslExchange.Challenge challenge) {
                conn.println("+ " + challenge.base64());
                String response;
                try {
                    response = conn.readLine();
                } catch (IOException e) {
                    return; // the connection's loop reads again and ends it (a too-long line is answered there)
                }
                if (response == null) {
                    return;
                }
                if ("*".equals(response.strip())) {
                    conn.println("-ERR AUTH cancelled");
                    return;
                }
                step = sasl.get().respond(response);
            }
            finish(((SaslExchange.Done) step).credential(), conn, state);
        }
    }
}
