package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.identity.Resolution;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Wildcard;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves {@code -Identity}-style arguments (spec §2) among the kinds of object a cmdlet works on,
 * failing with Exchange's texts (spec §9). As in Exchange, {@code Get-Mailbox Helpdesk} does not
 * find the group Helpdesk: an object of another kind is "not found".
 */
final class Lookup {
    static final Set<RecipientTypeDetails> ANY = EnumSet.allOf(RecipientTypeDetails.class);
    static final Set<RecipientTypeDetails> MAILBOXES = of(t -> t.hasMailbox());
    static final Set<RecipientTypeDetails> MAIL_ENABLED = of(RecipientTypeDetails::isMailEnabled);
    static final Set<RecipientTypeDetails> ACCOUNTS = of(t -> !t.isGroup());
    static final Set<RecipientTypeDetails> MAIL_GROUPS = EnumSet.of(RecipientTypeDetails.MailUniversalDistributionGroup,
            RecipientTypeDetails.MailUniversalSecurityGroup);
    static final Set<RecipientTypeDetails> DYNAMIC_GROUPS = EnumSet.of(RecipientTypeDetails.DynamicDistributionGroup);
    static final Set<RecipientTypeDetails> MAIL_USERS = EnumSet.of(RecipientTypeDetails.MailUser);
    static final Set<RecipientTypeDetails> UNIFIED_GROUPS = EnumSet.of(RecipientTypeDetails.GroupMailbox);

    private final Directory directory;

    Lookup(Directory directory) {
        this.directory = directory;
    }

    /** Lookups in the directory as the command line has changed it so far. */
    static Lookup in(ExecutionContext context) {
        return new Lookup(context.directory());
    }

    private static Set<RecipientTypeDetails> of(java.util.function.Predicate<RecipientTypeDetails> p) {
        EnumSet<RecipientTypeDetails> s = EnumSet.noneOf(RecipientTypeDetails.class);
        for (RecipientTypeDetails t : RecipientTypeDetails.values()) {
            if (p.test(t)) {
                s.add(t);
            }
        }
        return s;
    }

    /** The one object of the given kinds that {@code identity} names. */
    Recipient one(String identity, Set<RecipientTypeDetails> kinds) {
        Resolution r = directory.resolve(identity);
        String domain = directory.organization().netbiosName() + "\\";
        if (r instanceof Resolution.NotFound && identity.regionMatches(true, 0, domain, 0, domain.length())) {
            // ACL output names groups CONTOSO\Name (they have no SamAccountName here): accept that back.
            Resolution byName = directory.resolve(identity.substring(domain.length()));
            if (byName instanceof Resolution.Found f && f.recipient().type().isGroup()) {
                r = byName;
            }
        }
        List<Recipient> matches;
        if (r instanceof Resolution.Found f) {
            matches = List.of(f.recipient());
        } else if (r instanceof Resolution.Ambiguous a) {
            matches = a.matches();
        } else {
            matches = List.of();
        }
        List<Recipient> fitting = matches.stream().filter(m -> kinds.contains(m.type())).toList();
        if (fitting.isEmpty()) {
            throw new CmdletException(notFound(identity));
        }
        if (fitting.size() > 1) {
            throw new CmdletException("The operation couldn't be performed because '" + identity + "' matches multiple entries.");
        }
        return fitting.get(0);
    }

    /**
     * For {@code Get-*}: every object of the kinds when no identity is given, those whose Name, Alias,
     * DisplayName or primary address match a wildcard identity, else the one it names.
     */
    List<Recipient> search(String identity, Set<RecipientTypeDetails> kinds) {
        if (identity.isEmpty()) {
            return all(kinds);
        }
        if (!Wildcard.isPattern(identity) || !(directory.resolve(identity) instanceof Resolution.NotFound)) {
            return List.of(one(identity, kinds));
        }
        List<Recipient> found = all(kinds).stream().filter(r -> Wildcard.matches(identity, r.name())
                || Wildcard.matches(identity, r.alias()) || Wildcard.matches(identity, r.displayName())
                || r.primarySmtpAddress().map(a -> Wildcard.matches(identity, a.toString())).orElse(false)).toList();
        if (found.isEmpty()) {
            throw new CmdletException(notFound(identity));
        }
        return found;
    }

    List<Recipient> all(Set<RecipientTypeDetails> kinds) {
        return directory.recipients().stream().filter(r -> kinds.contains(r.type())).toList();
    }

    String notFound(String identity) {
        return "The operation couldn't be performed because object '" + identity + "' couldn't be found on '"
                + directory.organization().domainController() + "'.";
    }
}
