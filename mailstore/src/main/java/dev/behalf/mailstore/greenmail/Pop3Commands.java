package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.pop3.Pop3Connection;
import com.icegreen.greenmail.pop3.Pop3State;
import com.icegreen.greenmail.pop3.commands.Pop3Command;
import com.icegreen.greenmail.pop3.commands.Pop3CommandRegistry;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.UserException;
import dev.behalf.mailstore.core.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * One POP3 connection's command table: GreenMail's, with sign-in and QUIT replaced.
 *
 * <p>GreenMail's {@code Pop3Handler} takes its registry as a constructor argument, which makes this the
 * narrowest seam: {@code USER} and {@code PASS} (RFC 1939) and {@code AUTH PLAIN} (RFC 5034, with the
 * authorization identity GreenMail ignores) decide through {@link SignIn}; {@code CAPA} advertises
 * {@code SASL PLAIN}; {@code QUIT} expunges and syncs the store before it answers, so deletions and
 * {@code \Seen} marks are on disk when the client hears {@code +OK}. {@code USER} always answers {@code +OK}: whether the name
 * exists is revealed only as the single refusal {@link #SIGN_IN_FAILED} after the password. A registry
 * is made per connection, so the pending {@code USER} name belongs to that connection alone.
 */
final class Pop3Commands extends Pop3CommandRegistry {
    /** Exchange's POP3 refusal, for every reason a sign-in fails. */
    static final String SIGN_IN_FAILED = "-ERR Logon failure: unknown user name or bad password.";
    private static final Logger log = LoggerFactory.getLogger(Pop3Commands.class);

    private final SignIn signIn;
    private final Boxes boxes;
    private final MessageStore store;
    private final Map<String, Pop3Command> ours;
    private String pendingUser;

    Pop3Commands(SignIn signIn, Boxes boxes, MessageStore store) {
        this.signIn = signIn;
        this.boxes = boxes;
        this.store = store;
        this.ours = Map.of("USER", new User(), "PASS", new Pass(), "AUTH", new Auth(), "CAPA", new Capa(), "QUIT", new Quit());
    }

    @Override
    public Pop3Command getCommand(String name) {
        Pop3Command c = ours.get(name);
        return c != null ? c : super.getCommand(name);
    }

    private static String argument(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(space + 1);
    }

    private void finish(SignIn.Outcome outcome, String login, String command, Pop3Connection conn, Pop3State state) {
        if (!(outcome instanceof SignIn.Opened opened)) {
            log.info("POP3 {} refused for '{}': {}", command, login, ((SignIn.Refused) outcome).why());
            conn.println(SIGN_IN_FAILED);
            return;
        }
        state.setUser(boxes.open(opened.mailbox()));
        try {
            state.authenticate("");  // SignIn has checked the password; the session's user accepts it
        } catch (UserException | FolderException e) {
            log.warn("POP3 {}: {} could not open {}", command, login, opened.mailbox().name(), e);
            conn.println(SIGN_IN_FAILED);
            return;
        }
        log.info("POP3 {}: {} opened {} ({})", command, opened.account().name(), opened.mailbox().name(), opened.how());
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
            finish(signIn.login(login, argument(cmd)), login, "PASS", conn, state);
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
            if (!"PLAIN".equalsIgnoreCase(args[1])) {
                conn.println("-ERR Unsupported authentication mechanism " + args[1]);
                return;
            }
            String response;
            if (args.length >= 3) {
                response = "=".equals(args[2]) ? "" : args[2];
            } else {
                conn.println("+ ");
                try {
                    response = conn.readLine();
                } catch (IOException e) {
                    return;
                }
                if (response == null) {
                    return;
                }
            }
            if ("*".equals(response.strip())) {
                conn.println("-ERR AUTH cancelled");
                return;
            }
            Optional<SaslPlain> plain = SaslPlain.decode(response);
            if (plain.isEmpty()) {
                log.info("POP3 AUTH refused: the PLAIN response is not base64 of authzid NUL authcid NUL password");
                conn.println(SIGN_IN_FAILED);
                return;
            }
            SaslPlain p = plain.get();
            finish(signIn.plain(p.authzid(), p.authcid(), p.password()), p.authcid(), "AUTH", conn, state);
        }
    }

    private static final class Capa extends Pop3Command {
        @Override
        public boolean isValidForState(Pop3State state) {
            return true;
        }

        @Override
        public void execute(Pop3Connection conn, Pop3State state, String cmd) {
            conn.println("+OK Capability list follows");
            conn.println("USER");
            conn.println("TOP");
            conn.println("UIDL");
            conn.println("SASL PLAIN");
            conn.println(".");
        }
    }

    private final class Quit extends Pop3Command {
        @Override
        public boolean isValidForState(Pop3State state) {
            return true;
        }

        @Override
        public void execute(Pop3Connection conn, Pop3State state, String cmd) {
            MailFolder inbox = state.getFolder();
            if (inbox != null) {
                // RFC 1939 UPDATE state: DELE's messages go, RETR's \Seen marks are made durable.
                try {
                    inbox.expunge();
                    store.sync();
                } catch (FolderException | RuntimeException e) {
                    log.warn("POP3 QUIT could not store its changes", e);
                    conn.println("-ERR some deleted messages not removed");
                    conn.quit();
                    return;
                }
            }
            conn.println("+OK Behalf POP3 server signing off");
            conn.quit();
        }
    }
}
