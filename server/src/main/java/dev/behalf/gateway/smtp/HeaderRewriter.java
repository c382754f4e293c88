package dev.behalf.gateway.smtp;

import dev.behalf.message.HeaderEdit;
import dev.behalf.message.HeaderSection;
import dev.behalf.message.MailboxList;
import dev.behalf.policy.decision.SenderRule;

import java.util.List;

/**
 * Applies the Sender rule's actions to the raw message without re-serialising it ({@link HeaderEdit}):
 * trace fields go on top, client Sender (and Resent-Sender) fields are removed unless kept, a stamped
 * {@code Sender:} goes right after {@code From:} (a stamped {@code Resent-Sender:} right after the first
 * {@code Resent-From:}), missing {@code Message-ID:} / {@code Date:} and Exchange's network message id are
 * appended. A client's own {@code X-MS-Exchange-Organization-*} fields are removed first, as Exchange's header
 * firewall removes them from a client's submission: that namespace is the organization's, and the network
 * message id in it is what ties a stored copy to its decision record, so the only one a copy carries is ours.
 * Every other byte is kept as sent. Pure: no I/O, no clock.
 */
final class HeaderRewriter {
    /** The header namespace Exchange keeps for itself ({@link TraceFields#NETWORK_MESSAGE_ID} is in it). */
    static final String ORGANIZATION_FIELDS = "X-MS-Exchange-Organization-";

    private HeaderRewriter() {
    }

    /**
     * What to change.
     *
     * @param sender       what becomes of the Sender field
     * @param resentSender what becomes of the Resent-Sender fields
     * @param displayName  the account's display name, for a stamp
     * @param address      the account's address, for a stamp
     * @param prepend      complete fields ("Name: value") to put first, in order (Return-Path, Received)
     * @param append       complete fields to put last in the header section
     */
    record Rewrite(SenderRule.Action sender, SenderRule.Action resentSender, String displayName, String address,
                   List<String> prepend, List<String> append) {
        Rewrite {
            prepend = List.copyOf(prepend);
            append = List.copyOf(append);
        }
    }

    /** The rewritten message, with its header section (read from the edit, not parsed again). */
    static HeaderSection rewrite(ParsedMessage message, Rewrite rewrite) {
        HeaderEdit edit = message.section().edit().removeNamesStartingWith(ORGANIZATION_FIELDS);
        rewrite.prepend().forEach(edit::prepend);
        apply(edit, rewrite.sender(), "From", "Sender", rewrite);
        apply(edit, rewrite.resentSender(), "Resent-From", "Resent-Sender", rewrite);
        rewrite.append().forEach(edit::append);
        return edit.apply();
    }

    private static void apply(HeaderEdit edit, SenderRule.Action action, String authors, String sender, Rewrite rewrite) {
        if (action == SenderRule.Action.KEEP_CLIENT) {
            return;
        }
        edit.remove(sender);
        if (action == SenderRule.Action.STAMP_ACCOUNT) {
            edit.insertAfter(authors, sender + ": " + MailboxList.headerValue(sender, rewrite.displayName(), rewrite.address()));
        }
    }
}
