package dev.behalf.shell.internal.format;

import dev.behalf.policy.directory.Account;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientFilter;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.shell.internal.language.ShellObject;
import dev.behalf.shell.internal.language.View;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The objects {@code Get-Mailbox}, {@code Get-Recipient}, {@code Get-User} and the group cmdlets
 * output, with Exchange's property names and default views.
 */
public final class RecipientViews {
    /** Behalf has one mailbox database and no quotas. */
    static final String DATABASE = "Mailbox Database 01";
    static final String UNLIMITED = "Unlimited";

    private static final String[] CONDITIONS = conditionNames();

    private RecipientViews() {
    }

    private static String[] conditionNames() {
        List<String> names = new ArrayList<>(List.of("Company", "Department", "StateOrProvince"));
        for (int i = 1; i <= 15; i++) {
            names.add("CustomAttribute" + i);
        }
        return names.toArray(String[]::new);
    }

    public static ShellObject mailbox(Directory d, Recipient r) {
        ShellObject.Builder b = ShellObject.builder("Microsoft.Exchange.Data.Directory.Management.Mailbox")
                .add("Name", r.name())
                .add("Alias", r.alias())
                .add("Database", DATABASE)
                .add("ProhibitSendQuota", UNLIMITED)
                .add("DisplayName", r.displayName())
                .add("RecipientType", r.type().recipientType())
                .add("RecipientTypeDetails", r.type().name())
                .add("PrimarySmtpAddress", address(r))
                .add("EmailAddresses", emailAddresses(r))
                .add("UserPrincipalName", r.account().map(Account::userPrincipalName).orElse(null))
                .add("SamAccountName", r.account().map(Account::samAccountName).orElse(null))
                .add("LinkedMasterAccount", r.account().flatMap(Account::linkedMasterAccount).orElse(null))
                .add("HiddenFromAddressListsEnabled", r.hiddenFromAddressLists())
                .add("GrantSendOnBehalfTo", identities(d, r.grantSendOnBehalfTo()))
                .add("MessageCopyForSentAsEnabled", r.messageCopyForSentAs())
                .add("MessageCopyForSendOnBehalfEnabled", r.messageCopyForSendOnBehalf());
        customAttributes(b, r);
        return common(b, d.organization(), r).build(View.table("Name", "Alias", "Database", "ProhibitSendQuota"));
    }

    public static ShellObject recipient(Directory d, Recipient r) {
        ShellObject.Builder b = ShellObject.builder("Microsoft.Exchange.Data.Directory.Management.ReducedRecipient")
                .add("Name", r.name())
                .add("RecipientType", r.type().recipientType())
                .add("RecipientTypeDetails", r.type().name())
                .add("Alias", r.alias())
                .add("DisplayName", r.displayName())
                .add("PrimarySmtpAddress", address(r))
                .add("EmailAddresses", emailAddresses(r))
                .add("ExternalEmailAddress", r.externalEmailAddress().map(a -> "SMTP:" + a).orElse(null))
                .add("HiddenFromAddressListsEnabled", r.hiddenFromAddressLists());
        for (String a : List.of("Department", "Company", "Title", "StateOrProvince", "Office", "City")) {
            b.add(a, r.attributes().get(a).orElse(null));
        }
        customAttributes(b, r);
        return common(b, d.organization(), r).build(View.table("Name", "RecipientType"));
    }

    public static ShellObject user(Directory d, Recipient r) {
        ShellObject.Builder b = ShellObject.builder("Microsoft.Exchange.Data.Directory.Management.User")
                .add("Name", r.name())
                .add("RecipientType", r.type().recipientType())
                .add("RecipientTypeDetails", r.type().name())
                .add("DisplayName", r.displayName())
                .add("UserPrincipalName", r.account().map(Account::userPrincipalName).orElse(null))
                .add("SamAccountName", r.account().map(Account::samAccountName).orElse(null))
                .add("LinkedMasterAccount", r.account().flatMap(Account::linkedMasterAccount).orElse(null))
                .add("AccountDisabled", !r.type().canSignIn());
        for (String a : List.of("Department", "Company", "Title", "StateOrProvince", "Office", "City")) {
            b.add(a, r.attributes().get(a).orElse(null));
        }
        return common(b, d.organization(), r).build(View.table("Name", "RecipientType"));
    }

    public static ShellObject group(Directory d, Recipient r) {
        ShellObject.Builder b = ShellObject.builder("Microsoft.Exchange.Data.Directory.Management.DistributionGroup")
                .add("Name", r.name())
                .add("DisplayName", r.displayName())
                .add("GroupType", r.type() == RecipientTypeDetails.MailUniversalSecurityGroup ? "Universal, SecurityEnabled" : "Universal")
                .add("PrimarySmtpAddress", address(r))
                .add("Alias", r.alias())
                .add("RecipientTypeDetails", r.type().name())
                .add("EmailAddresses", emailAddresses(r))
                .add("GrantSendOnBehalfTo", identities(d, r.grantSendOnBehalfTo()))
                .add("HiddenFromAddressListsEnabled", r.hiddenFromAddressLists());
        return common(b, d.organization(), r).build(View.table("Name", "DisplayName", "GroupType", "PrimarySmtpAddress"));
    }

    /** {@code Get-UnifiedGroup}'s object: a Microsoft 365 Group, its owners as {@code ManagedBy}. */
    public static ShellObject unifiedGroup(Directory d, Recipient r) {
        ShellObject.Builder b = ShellObject.builder("Microsoft.Exchange.Data.Directory.Management.UnifiedGroup")
                .add("Name", r.name())
                .add("Alias", r.alias())
                .add("AccessType", "Public")
                .add("DisplayName", r.displayName())
                .add("PrimarySmtpAddress", address(r))
                .add("RecipientType", r.type().recipientType())
                .add("RecipientTypeDetails", r.type().name())
                .add("EmailAddresses", emailAddresses(r))
                .add("ManagedBy", identities(d, r.owners()))
                .add("GroupMemberCount", r.members().size())
                .add("GrantSendOnBehalfTo", identities(d, r.grantSendOnBehalfTo()))
                .add("HiddenFromAddressListsEnabled", r.hiddenFromAddressLists());
        return common(b, d.organization(), r).build(View.table("Name", "Alias", "AccessType"));
    }

    public static ShellObject dynamicGroup(Directory d, Recipient r) {
        RecipientFilter f = r.filter().orElseThrow(() -> new IllegalStateException(r.name() + " has no filter"));
        ShellObject.Builder b = ShellObject.builder("Microsoft.Exchange.Data.Directory.Management.DynamicDistributionGroup")
                .add("Name", r.name())
                .add("Alias", r.alias())
                .add("DisplayName", r.displayName())
                .add("PrimarySmtpAddress", address(r))
                .add("RecipientTypeDetails", r.type().name())
                .add("IncludedRecipients", f.included().stream().sorted().map(Enum::name).collect(Collectors.joining(", ")))
                .add("RecipientFilter", f.describe());
        for (String c : CONDITIONS) {
            b.add("Conditional" + c, f.conditions().getOrDefault(c, List.of()));
        }
        b.add("GrantSendOnBehalfTo", identities(d, r.grantSendOnBehalfTo()))
                .add("HiddenFromAddressListsEnabled", r.hiddenFromAddressLists());
        return common(b, d.organization(), r).build(View.table("Name", "Alias", "IncludedRecipients"));
    }

    private static void customAttributes(ShellObject.Builder b, Recipient r) {
        for (int i = 1; i <= 15; i++) {
            b.add("CustomAttribute" + i, r.attributes().get("CustomAttribute" + i).orElse(""));
        }
    }

    private static ShellObject.Builder common(ShellObject.Builder b, Organization org, Recipient r) {
        return b.add("DistinguishedName", r.distinguishedName())
                .add("Identity", Display.identity(org, r))
                .add("Guid", r.id().toString())
                .add("LegacyExchangeDN", r.legacyExchangeDn());
    }

    private static String address(Recipient r) {
        return r.primarySmtpAddress().map(SmtpAddress::toString).orElse(null);
    }

    /** Exchange's proxy address list: {@code SMTP:} marks the primary, {@code smtp:} the others. */
    private static List<String> emailAddresses(Recipient r) {
        List<String> out = new ArrayList<>();
        for (SmtpAddress a : r.addresses()) {
            out.add((r.primarySmtpAddress().map(a::equals).orElse(false) ? "SMTP:" : "smtp:") + a);
        }
        return out;
    }

    static List<String> identities(Directory d, List<RecipientId> ids) {
        List<String> out = new ArrayList<>();
        for (RecipientId id : ids) {
            out.add(d.get(id).map(x -> Display.identity(d.organization(), x)).orElse(id.toString()));
        }
        return out;
    }
}
