package dev.behalf.mailstore.greenmail;

import jakarta.mail.Flags;

/**
 * IMAP system flags as the Maildir letters kept in file names (D draft, F flagged, R answered, S seen,
 * T deleted, in that order). {@code \Recent} is per session and keywords are not kept.
 */
final class MaildirFlags {
    private MaildirFlags() {
    }

    static String letters(Flags flags) {
        StringBuilder sb = new StringBuilder(5);
        if (flags.contains(Flags.Flag.DRAFT)) {
            sb.append('D');
        }
        if (flags.contains(Flags.Flag.FLAGGED)) {
            sb.append('F');
        }
        if (flags.contains(Flags.Flag.ANSWERED)) {
            sb.append('R');
        }
        if (flags.contains(Flags.Flag.SEEN)) {
            sb.append('S');
        }
        if (flags.contains(Flags.Flag.DELETED)) {
            sb.append('T');
        }
        return sb.toString();
    }

    static Flags flags(String letters) {
        Flags f = new Flags();
        for (char c : letters.toCharArray()) {
            switch (c) {
                case 'D' -> f.add(Flags.Flag.DRAFT);
                case 'F' -> f.add(Flags.Flag.FLAGGED);
                case 'R' -> f.add(Flags.Flag.ANSWERED);
                case 'S' -> f.add(Flags.Flag.SEEN);
                case 'T' -> f.add(Flags.Flag.DELETED);
                default -> throw new IllegalArgumentException("not a Maildir flag: " + c);
            }
        }
        return f;
    }
}
