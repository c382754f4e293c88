package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.pop3.Pop3Connection;
import com.icegreen.greenmail.pop3.Pop3State;
import com.icegreen.greenmail.pop3.commands.Pop3Command;
import com.icegreen.greenmail.pop3.commands.Pop3CommandRegistry;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import dev.behalf.mailstore.core.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * One POP3 connection's command table: GreenMail's, with sign-in and QUIT replaced.
 *
 * <p>GreenMail's {@code Pop3Handler} takes its registry as a constructor argument, which makes this the
 * narrowest seam: {@code USER}, {@code PASS} and {@code AUTH} are {@link Pop3SignIn}'s; {@code RETR} and
 * {@code TOP} {@link Pop3Retrieval}'s (GreenMail's trim the message); {@code CAPA}
 * advertises {@code SASL PLAIN}; {@code QUIT} expunges and syncs the store before it answers, so
 * deletions are on disk when the client hears {@code +OK}. A registry is made per connection.
 */
final class Pop3Commands extends Pop3CommandRegistry {
    private static final Logger log = LoggerFactory.getLogger(Pop3Commands.class);

    private final MessageStore store;
    private final Map<String, Pop3Command> ours = new HashMap<>();

    Pop3Commands(Pop3SignIn signIn, MessageStore store) {
        this.store = store;
        ours.putAll(signIn.commands());
        ours.putAll(Pop3Retrieval.commands());
        ours.put("CAPA", new Capa());
        ours.put("QUIT", new Quit());
    }

    @Override
    public Pop3Command getCommand(String name) {
        Pop3Command c = ours.get(name);
        return c != null ? c : super.getCommand(name);
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
            conn.println("SASL PLAIN XOAUTH2");
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
