package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.core.FlagSet;
import jakarta.mail.Flags;

import java.util.LinkedHashSet;
import java.util.Set;

/** The store's flag bits and keywords as Jakarta Mail's {@link Flags}, which GreenMail speaks, and back. */
final class FlagCodec {
    private static final Flags.Flag[] SYSTEM = {Flags.Flag.ANSWERED, Flags.Flag.DELETED, Flags.Flag.DRAFT,
            Flags.Flag.FLAGGED, Flags.Flag.SEEN, Flags.Flag.RECENT};
    private static final int[] BITS = {FlagSet.ANSWERED, FlagSet.DELETED, FlagSet.DRAFT, FlagSet.FLAGGED,
            FlagSet.SEEN, FlagSet.RECENT};

    private FlagCodec() {
    }

    static Flags flags(int bits, Set<String> keywords) {
        Flags f = new Flags();
        for (int i = 0; i < SYSTEM.length; i++) {
            if ((bits & BITS[i]) != 0) {
                f.add(SYSTEM[i]);
            }
        }
        for (String k : keywords) {
            f.add(k);
        }
        return f;
    }

    static int bits(Flags flags) {
        int bits = 0;
        for (int i = 0; i < SYSTEM.length; i++) {
            if (flags.contains(SYSTEM[i])) {
                bits |= BITS[i];
            }
        }
        return bits;
    }

    static int bit(Flags.Flag flag) {
        for (int i = 0; i < SYSTEM.length; i++) {
            if (SYSTEM[i] == flag) {
                return BITS[i];
            }
        }
        return 0; // Flags.Flag.USER: not a flag a message carries
    }

    static Set<String> keywords(Flags flags) {
        String[] user = flags.getUserFlags();
        if (user.length == 0) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String k : user) {
            if (k != null && !k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }
}
