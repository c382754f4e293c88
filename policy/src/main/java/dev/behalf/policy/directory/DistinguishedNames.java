package dev.behalf.policy.directory;

import java.util.ArrayList;
import java.util.List;

/** Splitting and unescaping of LDAP distinguished names (RFC 4514), enough for CN/OU/DC paths. */
final class DistinguishedNames {
    private DistinguishedNames() {
    }

    /** The RDNs of {@code dn}, innermost first, still escaped. */
    static List<String> split(String dn) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < dn.length(); i++) {
            char c = dn.charAt(i);
            if (c == '\\' && i + 1 < dn.length()) {
                cur.append(c).append(dn.charAt(++i));
            } else if (c == ',') {
                parts.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            parts.add(cur.toString().strip());
        }
        return parts;
    }

    static String unescape(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The unescaped value of the first RDN ({@code CN=Terry Adams,...} → {@code Terry Adams}). */
    static String firstValue(String dn) {
        List<String> rdns = split(dn);
        if (rdns.isEmpty()) {
            return "";
        }
        String first = rdns.get(0);
        int eq = first.indexOf('=');
        return eq < 0 ? "" : unescape(first.substring(eq + 1)).strip();
    }
}
