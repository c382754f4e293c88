package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;

/**
 * GreenMail's user registry, kept empty and closed. Behalf's IMAP and POP3 front ends decide sign-in
 * through {@link dev.behalf.policy.signin.SignIn} and never ask GreenMail; should any GreenMail path still ask (its own LOGIN,
 * XOAUTH2, POP3 USER), it finds no user and no password that works. This also stops GreenMail's
 * habit of creating a user for an unknown login when authentication is optional.
 */
final class ClosedUsers extends UserManager {

    ClosedUsers(ImapHostManager host) {
        super(host);
        setAuthRequired(true);
    }

    @Override
    public boolean test(String userId, String password) {
        return false;
    }

    @Override
    public GreenMailUser getUser(String login) {
        return null;
    }

    @Override
    public GreenMailUser getUserByEmail(String email) {
        return null;
    }

    @Override
    public boolean hasUser(String userId) {
        return false;
    }

    @Override
    public GreenMailUser createUser(String email, String login, String password) throws UserException {
        throw new UserException("users are the directory's mailboxes; GreenMail creates none");
    }
}
