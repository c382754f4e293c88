package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import jakarta.mail.internet.MimeMessage;

/**
 * A box as GreenMail sees a user: its folder tree is {@code #mail.<token>}. It is never registered
 * with GreenMail's user registry and can't authenticate: sign-in is decided against the directory
 * ({@link dev.behalf.policy.signin.SignIn}), and only then does a session get {@link #signedIn()}, a view that a POP3 session's
 * own password check accepts. That view lives in the one session, so {@code delegate\mailbox} never
 * becomes a reusable alias of the mailbox.
 */
final class MailboxUser implements GreenMailUser {
    private final String token;
    private final String label;
    private final boolean verified;

    MailboxUser(String token, String label) {
        this(token, label, false);
    }

    private MailboxUser(String token, String label, boolean verified) {
        this.token = token;
        this.label = label;
        this.verified = verified;
    }

    /** This box for a session whose credentials {@link dev.behalf.policy.signin.SignIn} has just accepted. */
    MailboxUser signedIn() {
        return new MailboxUser(token, label, true);
    }

    String token() {
        return token;
    }

    @Override
    public String getEmail() {
        return label;
    }

    @Override
    public String getLogin() {
        return token;
    }

    @Override
    public String getQualifiedMailboxName() {
        return token;
    }

    @Override
    public void authenticate(String password) throws UserException {
        if (!verified) {
            throw new UserException("sign-in is decided by the Behalf directory");
        }
    }

    @Override
    public void deliver(MovingMessage msg) {
        throw new UnsupportedOperationException("Behalf delivers through MailStore.deliver");
    }

    @Override
    public void deliver(MimeMessage msg) {
        throw new UnsupportedOperationException("Behalf delivers through MailStore.deliver");
    }

    @Override
    public void create() {
        throw new UnsupportedOperationException("boxes are created by Boxes.ensure");
    }

    @Override
    public void delete() {
        throw new UnsupportedOperationException("boxes of removed mailboxes are retained");
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public void setPassword(String password) {
        throw new UnsupportedOperationException("passwords live in the directory");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailboxUser u && u.token.equals(token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

    @Override
    public String toString() {
        return "MailboxUser[" + label + "]";
    }
}
