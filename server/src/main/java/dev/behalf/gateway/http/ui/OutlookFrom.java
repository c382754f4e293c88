package dev.behalf.gateway.http.ui;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the From line as Outlook does: "Holly Holt on behalf of Sean Chai" when a Sender who is
 * not a From mailbox is present (Send on Behalf, spec §4 step 4), otherwise the From display names
 * alone (Self, and Send As, which leaves no trace of the delegate).
 */
public final class OutlookFrom {
    private OutlookFrom() {
    }

    /** @param from the From header value; @param sender the Sender header value, when present */
    public static String render(String from, Optional<String> sender) {
        List<InternetAddress> froms = parse(from);
        String fromNames = froms.isEmpty() ? from.strip() : String.join("; ", froms.stream().map(OutlookFrom::name).toList());
        return delegate(froms, sender).map(d -> d + " on behalf of " + fromNames).orElse(fromNames);
    }

    /** Whether the headers show a delegate sending on behalf of the From mailbox. */
    public static boolean onBehalf(String from, Optional<String> sender) {
        return delegate(parse(from), sender).isPresent();
    }

    /** The Sender's display name when the Sender is not one of the From mailboxes. */
    private static Optional<String> delegate(List<InternetAddress> froms, Optional<String> sender) {
        List<InternetAddress> senders = sender.map(OutlookFrom::parse).orElse(List.of());
        if (senders.isEmpty()) {
            return Optional.empty();
        }
        InternetAddress s = senders.get(0);
        return froms.stream().anyMatch(f -> same(f, s)) ? Optional.empty() : Optional.of(name(s));
    }

    private static boolean same(InternetAddress a, InternetAddress b) {
        return a.getAddress() != null && b.getAddress() != null
                && a.getAddress().toLowerCase(Locale.ROOT).equals(b.getAddress().toLowerCase(Locale.ROOT));
    }

    private static String name(InternetAddress a) {
        String personal = a.getPersonal();
        return personal != null && !personal.isBlank() ? personal.strip() : a.getAddress();
    }

    private static List<InternetAddress> parse(String header) {
        try {
            return new ArrayList<>(List.of(InternetAddress.parseHeader(header, false)));
        } catch (AddressException e) {
            return List.of();
        }
    }
}
