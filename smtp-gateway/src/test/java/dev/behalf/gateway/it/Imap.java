package dev.behalf.gateway.it;

import dev.behalf.fixtures.JakartaMail;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import java.util.ArrayList;
import java.util.List;

/** Signs in over IMAP with Jakarta Mail (Angus), as an owner or as {@code delegate\mailbox}. */
final class Imap {
    private Imap() {
    }

    /** The folder names the login sees, or throws {@link AuthenticationFailedException}. */
    static List<String> folders(int port, String login, String password) throws MessagingException {
        Store store = JakartaMail.connect(JakartaMail.imap(port), "imap", login, password);
        try {
            List<String> names = new ArrayList<>();
            for (Folder f : store.getDefaultFolder().list("*")) {
                names.add(f.getFullName());
            }
            return names;
        } finally {
            store.close();
        }
    }

    static boolean canSignIn(int port, String login, String password) throws MessagingException {
        try {
            folders(port, login, password);
            return true;
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }

    /** Subjects in a folder of the mailbox the login opens. */
    static List<String> subjects(int port, String login, String password, String folder) throws MessagingException {
        Store store = JakartaMail.connect(JakartaMail.imap(port), "imap", login, password);
        try {
            Folder f = store.getFolder(folder);
            f.open(Folder.READ_ONLY);
            List<String> out = new ArrayList<>();
            for (var m : f.getMessages()) {
                out.add(m.getSubject());
            }
            f.close(false);
            return out;
        } finally {
            store.close();
        }
    }
}
