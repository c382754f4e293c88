package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletException;

/**
 * Building recipients from cmdlet arguments: Exchange's checks on names and addresses, and the
 * record's own invariants reported as command errors rather than exceptions.
 */
final class Creation {
    private Creation() {
    }

    /** Builds a changed copy of an existing recipient. */
    static Recipient build(Recipient.Builder b) {
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CmdletException(e.getMessage());
        }
    }

    /** Builds a new recipient, filling Exchange's defaults from the organization. */
    static Recipient build(Recipient.Builder b, Organization org) {
        try {
            return b.build(org);
        } catch (IllegalArgumentException e) {
            throw new CmdletException(e.getMessage());
        }
    }

    /** A builder for a new object named {@code -Name}, with the common New-* parameters applied. */
    static Recipient.Builder start(Arguments a, Directory d, RecipientTypeDetails type) {
        String name = a.text("Name").strip();
        if (name.isEmpty()) {
            throw new CmdletException(a.at("Name"), "The Name can't be empty.");
        }
        if (d.byName(name).isPresent()) {
            throw new CmdletException(a.at("Name"), "The name \"" + name + "\" is already being used. Please try another name.");
        }
        Recipient.Builder b = Recipient.builder(type, name);
        a.optionalText("Alias").filter(s -> !s.isBlank()).ifPresent(s -> b.alias(s.strip()));
        a.optionalText("DisplayName").filter(s -> !s.isBlank()).ifPresent(s -> b.displayName(s.strip()));
        a.optionalText("PrimarySmtpAddress").ifPresent(s -> b.primarySmtpAddress(ownAddress(a, d, s)));
        return b;
    }

    /** An address for a new object: well formed, in an accepted domain, not used by anyone. */
    static SmtpAddress ownAddress(Arguments a, Directory d, String text) {
        SmtpAddress address = parse(a, "PrimarySmtpAddress", text);
        if (!d.organization().isAccepted(address)) {
            throw new CmdletException(a.at("PrimarySmtpAddress"), "The domain of \"" + address + "\" isn't an accepted domain of "
                    + d.organization().name() + " (accepted: " + String.join(", ", d.organization().acceptedDomains()) + ").");
        }
        d.byAddress(address).ifPresent(owner -> {
            throw new CmdletException(a.at("PrimarySmtpAddress"), "The proxy address \"SMTP:" + address
                    + "\" is already being used by the proxy addresses or LegacyExchangeDN of \"" + owner.name()
                    + "\". Please choose another proxy address.");
        });
        return address;
    }

    /** Parses an address argument; Exchange accepts an {@code SMTP:} prefix. */
    static SmtpAddress parse(Arguments a, String parameter, String text) {
        String s = text.strip();
        if (s.regionMatches(true, 0, "SMTP:", 0, 5)) {
            s = s.substring(5);
        }
        return SmtpAddress.tryParse(s).orElseThrow(() -> new CmdletException(a.at(parameter), "The email address \"" + text
                + "\" isn't correct. Please use this format: user name, the @ sign, followed by the domain name."
                + " For example, tonysmith@contoso.com or tony.smith@contoso.com."));
    }
}
