package dev.behalf.message;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One address of an address-list header as Jakarta Mail parses it (what IMAP ENVELOPE shows): the
 * display name, RFC 2047 decoded (a comment stands in for it when there is none:
 * {@code jimh@contoso.com (Jim)}), and the address as written ({@code "jimh"@contoso.com} keeps its
 * quotes). A group ({@code Team: a@b, c@d;}) is one address whose {@code address} is the whole group.
 */
public record Address(Optional<String> displayName, String address, boolean group) {
    /** Something a reader takes for an address: local part, {@code @}, a domain with a dot. */
    private static final Pattern ADDRESS_LIKE = Pattern.compile("[^\\s<>()\"',;:@\\[\\]]+@[^\\s<>()\"',;:@\\[\\]]+\\.[^\\s<>()\"',;:@\\[\\]]+");

    public Address {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(address, "address");
        displayName = displayName.filter(n -> !n.isBlank());
    }

    /**
     * The address-like text in the display name when it is not this address: {@code "ayla@contoso.com"
     * <jimh@contoso.com>} shows a reader the name {@code ayla@contoso.com}, which is someone else's
     * address. Exchange keeps display names as written; Behalf keeps them too and flags them.
     */
    public Optional<String> lookAlike() {
        if (displayName.isEmpty() || group) {
            return Optional.empty();
        }
        String own = unquoted(address).toLowerCase(Locale.ROOT);
        Matcher m = ADDRESS_LIKE.matcher(displayName.get());
        while (m.find()) {
            if (!m.group().toLowerCase(Locale.ROOT).equals(own)) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /**
     * {@code Display Name <address>}, the name quoted only when it holds an RFC 5322 special, so
     * {@code "Adams, Terry" <...>} keeps its quotes and non-ASCII names gain none; the address alone when
     * there is no name; a group as written.
     */
    public String display() {
        if (group || displayName.isEmpty()) {
            return address;
        }
        String personal = displayName.get();
        boolean special = personal.chars().anyMatch(c -> "()<>@,;:\\\".[]".indexOf(c) >= 0);
        String name = special ? "\"" + personal.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : personal;
        return name + " <" + address + ">";
    }

    @Override
    public String toString() {
        return display();
    }

    /** {@code "jimh"@contoso.com} read as {@code jimh@contoso.com}, as IMAP ENVELOPE unquotes it. */
    private static String unquoted(String address) {
        int at = address.lastIndexOf('@');
        if (at > 1 && address.charAt(0) == '"' && address.charAt(at - 1) == '"') {
            return address.substring(1, at - 1).replaceAll("\\\\(.)", "$1") + address.substring(at);
        }
        return address;
    }
}
