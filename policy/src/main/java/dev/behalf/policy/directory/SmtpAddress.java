package dev.behalf.policy.directory;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * An SMTP mailbox address, {@code local@domain}, compared case-insensitively as Exchange does.
 *
 * <p>The domain is kept in its ASCII (A-label) form so that {@code bücher.example} and
 * {@code xn--bcher-kva.example} are the same address; {@link #toString()} gives the canonical text.
 */
public record SmtpAddress(String localPart, String domain) {

    public SmtpAddress {
        if (localPart == null || localPart.isEmpty()) {
            throw new IllegalArgumentException("empty local part in address '" + localPart + "@" + domain + "'");
        }
        if (domain == null || domain.isEmpty()) {
            throw new IllegalArgumentException("empty domain in address '" + localPart + "@" + domain + "'");
        }
        localPart = localPart.toLowerCase(Locale.ROOT);
        domain = asciiDomain(domain);
    }

    /** Parses {@code local@domain} (angle brackets allowed); throws with the bad text when it is not one. */
    public static SmtpAddress parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not an SMTP address (expected local@domain)"));
    }

    /** Parses {@code local@domain}, or empty when the text is not an address. */
    public static Optional<SmtpAddress> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            return Optional.empty();
        }
        String local = unquoted(s.substring(0, at));
        String domain = s.substring(at + 1);
        if (!validLocal(local) || !validDomain(domain)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SmtpAddress(local, domain));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when the domain is the given one (case-insensitive, IDN-aware). */
    public boolean inDomain(String otherDomain) {
        return domain.equals(asciiDomain(otherDomain));
    }

    /** The domain in Unicode (U-label) form, for display. */
    public String unicodeDomain() {
        return IDN.toUnicode(domain, IDN.ALLOW_UNASSIGNED);
    }

    @Override
    public boolean equals(Object o) {
        // Written out, not generated: a record's equals and hashCode go through an invokedynamic bootstrap and method
        // handles, and this one is a map key that every submission and every start looks up, many times.
        return o == this || o instanceof SmtpAddress a && localPart.equals(a.localPart) && domain.equals(a.domain);
    }

    @Override
    public int hashCode() {
        return 31 * localPart.hashCode() + domain.hashCode();
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }

    private static String asciiDomain(String domain) {
        String d = domain.strip();
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (asciiLabels(d)) {
            // What IDN.toASCII gives an all-ASCII name with labels of 1-63 characters: the name itself. It is in
            // every address parsed (MAIL, RCPT, From, Sender), and toASCII costs a microsecond each time.
            return d.toLowerCase(Locale.ROOT);
        }
        try {
            return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + domain + "' is not a valid domain: " + e.getMessage(), e);
        }
    }

    private static boolean asciiLabels(String d) {
        int label = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            if (c == '.') {
                if (label == 0) {
                    return false;
                }
                label = 0;
            } else if (++label > 63) {
                return false;
            }
        }
        return label > 0;
    }

    /**
     * RFC 5322 §3.4.1: {@code "jimh"@contoso.com} is the address {@code jimh@contoso.com}, the quotes (and
     * quoted-pairs, {@code "ji\mh"}) being syntax only. A quoted local part is read as what it quotes; the
     * result must then be a dot-atom like any other local part, so a quoted string that needs its quotes
     * (spaces, {@code @}, {@code "}, specials: {@code "jimh@contoso.com"@evil.example}) stays refused.
     */
    private static String unquoted(String local) {
        if (local.length() < 2 || local.charAt(0) != '"' || local.charAt(local.length() - 1) != '"') {
            return local;
        }
        StringBuilder out = new StringBuilder(local.length());
        for (int i = 1; i < local.length() - 1; i++) {
            char c = local.charAt(i);
            if (c == '"') {
                return local; // a quote inside: not one quoted string
            }
            if (c == '\\') {
                if (++i == local.length() - 1) {
                    return local;
                }
                c = local.charAt(i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean validLocal(String local) {
        if (local.length() > 64 && local.codePoints().allMatch(c -> c < 128)) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            // RFC 5322 atext: no specials; '@' too, or "jimh@contoso.com"@evil.example would read as a local part.
            if (c <= ' ' || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' || c == '@'
                    || c == ':' || c == '\\' || c == '"' || c == '[' || c == ']' || c == 127) {
                return false;
            }
        }
        return !local.startsWith(".") && !local.endsWith(".") && !local.contains("..");
    }

    private static boolean validDomain(String domain) {
        if (domain.length() > 255 || domain.startsWith(".") || domain.contains("..")) {
            return false;
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '@' || c == '(' || c == ')' || c == ','
                    || c == ';' || c == ':' || c == '\\' || c == '"' || c == '[' || c == ']' || c == 127) {
                return false;
            }
        }
        return true;
    }
}
