package dev.behalf.mailstore.core;

/**
 * A placement's IMAP system flags as the bits of one small int, and as the Maildir letters kept in a
 * stored file's name (D draft, F flagged, R answered, S seen, T deleted, in that order). {@code \Recent}
 * is kept in memory only (RFC 3501 §2.3.2: it belongs to the session that first sees the message).
 */
public final class FlagSet {
    public static final int ANSWERED = 1;
    public static final int DELETED = 1 << 1;
    public static final int DRAFT = 1 << 2;
    public static final int FLAGGED = 1 << 3;
    public static final int SEEN = 1 << 4;
    public static final int RECENT = 1 << 5;
    /** The flags a file name records. */
    public static final int PERSISTED = ANSWERED | DELETED | DRAFT | FLAGGED | SEEN;

    private FlagSet() {
    }

    public static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }

    /** The Maildir letters of the persisted flags, in ASCII order. */
    public static String letters(int flags) {
        StringBuilder sb = new StringBuilder(5);
        if (has(flags, DRAFT)) {
            sb.append('D');
        }
        if (has(flags, FLAGGED)) {
            sb.append('F');
        }
        if (has(flags, ANSWERED)) {
            sb.append('R');
        }
        if (has(flags, SEEN)) {
            sb.append('S');
        }
        if (has(flags, DELETED)) {
            sb.append('T');
        }
        return sb.toString();
    }

    /** The flags of Maildir letters; throws {@link IllegalArgumentException} on a letter that is none. */
    public static int fromLetters(String letters) {
        int f = 0;
        for (int i = 0; i < letters.length(); i++) {
            f |= switch (letters.charAt(i)) {
                case 'D' -> DRAFT;
                case 'F' -> FLAGGED;
                case 'R' -> ANSWERED;
                case 'S' -> SEEN;
                case 'T' -> DELETED;
                default -> throw new IllegalArgumentException("not a Maildir flag: " + letters.charAt(i));
            };
        }
        return f;
    }
}
