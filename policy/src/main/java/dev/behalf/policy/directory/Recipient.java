package dev.behalf.policy.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One directory object (spec §1): a mailbox, mail user, user or group, with everything that
 * delegation needs, including the grants set <em>on</em> it (Full Access and Send As entries,
 * {@code GrantSendOnBehalfTo}).
 *
 * <p>A single record discriminated by {@link RecipientTypeDetails} rather than one record per kind:
 * the kinds share almost every attribute, and the type enum gives the same exhaustive {@code switch}.
 * Fields that only some kinds use are empty for the others; {@link Directory} checks that. {@code owners}
 * belongs to Microsoft 365 Groups ({@link RecipientTypeDetails#GroupMailbox}) and is a subset of {@code members}:
 * owners receive the group's mail as members do, and owning it is no right to send as it.
 * Immutable; change a copy with {@link #toBuilder()}.
 */
public record Recipient(
        RecipientId id,
        RecipientTypeDetails type,
        String name,
        String displayName,
        String alias,
        String distinguishedName,
        String legacyExchangeDn,
        Optional<SmtpAddress> primarySmtpAddress,
        List<SmtpAddress> emailAddresses,
        Optional<SmtpAddress> externalEmailAddress,
        Optional<Account> account,
        boolean hiddenFromAddressLists,
        boolean messageCopyForSentAs,
        boolean messageCopyForSendOnBehalf,
        List<RecipientId> grantSendOnBehalfTo,
        List<FullAccessEntry> fullAccess,
        List<SendAsEntry> sendAs,
        List<RecipientId> members,
        List<RecipientId> owners,
        Optional<RecipientFilter> filter,
        Attributes attributes) {

    public Recipient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        requireText(name, "Name");
        requireText(displayName, "DisplayName");
        requireText(alias, "Alias");
        requireText(distinguishedName, "DistinguishedName");
        requireText(legacyExchangeDn, "LegacyExchangeDN");
        Objects.requireNonNull(primarySmtpAddress, "primarySmtpAddress");
        emailAddresses = List.copyOf(emailAddresses);
        Objects.requireNonNull(externalEmailAddress, "externalEmailAddress");
        Objects.requireNonNull(account, "account");
        grantSendOnBehalfTo = List.copyOf(grantSendOnBehalfTo);
        fullAccess = List.copyOf(fullAccess);
        sendAs = List.copyOf(sendAs);
        members = List.copyOf(members);
        owners = List.copyOf(owners);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(attributes, "attributes");
        if (type.isMailEnabled() && primarySmtpAddress.isEmpty()) {
            throw new IllegalArgumentException(name + ": a " + type + " needs a PrimarySmtpAddress");
        }
        if (!type.isMailEnabled() && (primarySmtpAddress.isPresent() || !emailAddresses.isEmpty())) {
            throw new IllegalArgumentException(name + ": a " + type + " is not mail-enabled and can't have addresses");
        }
        if (!type.hasMembers() && !members.isEmpty()) {
            throw new IllegalArgumentException(name + ": a " + type + " can't have members");
        }
        if (!type.hasOwners() && !owners.isEmpty()) {
            throw new IllegalArgumentException(name + ": a " + type + " has no owners; owners belong to Microsoft 365 Groups (GroupMailbox)");
        }
        for (RecipientId owner : owners) {
            // Exchange Online: "Only members can be owners of a group" (Add-UnifiedGroupLinks).
            if (!members.contains(owner)) {
                throw new IllegalArgumentException(name + ": owner " + owner + " isn't a member; only members can be owners of a group");
            }
        }
        if ((type == RecipientTypeDetails.DynamicDistributionGroup) != filter.isPresent()) {
            throw new IllegalArgumentException(name + ": a filter belongs to dynamic distribution groups only");
        }
        if (!type.hasMailbox() && !fullAccess.isEmpty()) {
            throw new IllegalArgumentException(name + ": Full Access is set on mailboxes, not on a " + type);
        }
        if ((type == RecipientTypeDetails.MailUser) != externalEmailAddress.isPresent()) {
            throw new IllegalArgumentException(name + ": an ExternalEmailAddress belongs to (and is required for) a MailUser");
        }
        if (type.canSignIn() && account.isEmpty()) {
            throw new IllegalArgumentException(name + ": a " + type + " needs an account (UserPrincipalName, SamAccountName)");
        }
        if (type.isGroup() && account.isPresent()) {
            throw new IllegalArgumentException(name + ": groups don't sign in");
        }
        if (members.contains(id)) {
            throw new IllegalArgumentException(name + ": a group can't be a member of itself");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is empty");
        }
    }

    /** Every SMTP address that belongs to the object: primary first, then proxies. */
    public List<SmtpAddress> addresses() {
        List<SmtpAddress> all = new ArrayList<>(emailAddresses.size() + 1);
        if (primarySmtpAddress.isPresent()) {
            all.add(primarySmtpAddress.get());
        }
        for (SmtpAddress a : emailAddresses) {
            if (!all.contains(a)) {
                all.add(a);
            }
        }
        return all;
    }

    /**
     * Whether {@code address} is one of the object's own addresses (spec §4 step 1). A mail user's
     * external address counts: it is that person's address.
     */
    public boolean owns(SmtpAddress address) {
        return primarySmtpAddress.map(address::equals).orElse(false)
                || emailAddresses.contains(address)
                || externalEmailAddress.map(address::equals).orElse(false);
    }

    /** Whether the account may authenticate at all: a type that signs in and a password set. */
    public boolean canSignIn() {
        return type.canSignIn() && account.flatMap(Account::password).isPresent();
    }

    /** {@code Display Name <address>} for headers and logs. */
    public String mailbox() {
        return primarySmtpAddress.map(a -> displayName + " <" + a + ">").orElse(displayName);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder(RecipientTypeDetails type, String name) {
        return new Builder(type, name);
    }

    /**
     * Builds a recipient. Only type and name are required; {@link Builder#build(Organization)} fills the
     * defaults Exchange would (alias from name, {@code alias@domain}, DN, LegacyExchangeDN, UPN, Guid).
     */
    public static final class Builder {
        private RecipientId id;
        private RecipientTypeDetails type;
        private String name;
        private String displayName;
        private String alias;
        private String distinguishedName;
        private String legacyExchangeDn;
        private SmtpAddress primarySmtpAddress;
        private List<SmtpAddress> emailAddresses = new ArrayList<>();
        private SmtpAddress externalEmailAddress;
        private String userPrincipalName;
        private String samAccountName;
        private Secret password;
        private String linkedMasterAccount;
        private Boolean hidden;
        private boolean messageCopyForSentAs;
        private boolean messageCopyForSendOnBehalf;
        private List<RecipientId> grantSendOnBehalfTo = new ArrayList<>();
        private List<FullAccessEntry> fullAccess = new ArrayList<>();
        private List<SendAsEntry> sendAs = new ArrayList<>();
        private List<RecipientId> members = new ArrayList<>();
        private List<RecipientId> owners = new ArrayList<>();
        private RecipientFilter filter;
        private Attributes attributes = Attributes.NONE;

        private Builder(RecipientTypeDetails type, String name) {
            this.type = Objects.requireNonNull(type, "type");
            this.name = Objects.requireNonNull(name, "name");
        }

        private Builder(Recipient r) {
            id = r.id;
            type = r.type;
            name = r.name;
            displayName = r.displayName;
            alias = r.alias;
            distinguishedName = r.distinguishedName;
            legacyExchangeDn = r.legacyExchangeDn;
            primarySmtpAddress = r.primarySmtpAddress.orElse(null);
            emailAddresses = new ArrayList<>(r.emailAddresses);
            externalEmailAddress = r.externalEmailAddress.orElse(null);
            if (r.account.isPresent()) {
                Account a = r.account.get();
                userPrincipalName = a.userPrincipalName();
                samAccountName = a.samAccountName();
                password = a.password().orElse(null);
                linkedMasterAccount = a.linkedMasterAccount().orElse(null);
            }
            hidden = r.hiddenFromAddressLists;
            messageCopyForSentAs = r.messageCopyForSentAs;
            messageCopyForSendOnBehalf = r.messageCopyForSendOnBehalf;
            grantSendOnBehalfTo = new ArrayList<>(r.grantSendOnBehalfTo);
            fullAccess = new ArrayList<>(r.fullAccess);
            sendAs = new ArrayList<>(r.sendAs);
            members = new ArrayList<>(r.members);
            owners = new ArrayList<>(r.owners);
            filter = r.filter.orElse(null);
            attributes = r.attributes;
        }

        public Builder id(RecipientId v) { id = v; return this; }
        public Builder displayName(String v) { displayName = v; return this; }
        public Builder alias(String v) { alias = v; return this; }
        public Builder distinguishedName(String v) { distinguishedName = v; return this; }
        public Builder legacyExchangeDn(String v) { legacyExchangeDn = v; return this; }
        public Builder primarySmtpAddress(SmtpAddress v) { primarySmtpAddress = v; return this; }
        public Builder emailAddresses(List<SmtpAddress> v) { emailAddresses = new ArrayList<>(v); return this; }
        public Builder externalEmailAddress(SmtpAddress v) { externalEmailAddress = v; return this; }
        public Builder userPrincipalName(String v) { userPrincipalName = v; return this; }
        public Builder samAccountName(String v) { samAccountName = v; return this; }
        public Builder password(Secret v) { password = v; return this; }
        public Builder linkedMasterAccount(String v) { linkedMasterAccount = v; return this; }
        public Builder hiddenFromAddressLists(boolean v) { hidden = v; return this; }
        public Builder messageCopyForSentAs(boolean v) { messageCopyForSentAs = v; return this; }
        public Builder messageCopyForSendOnBehalf(boolean v) { messageCopyForSendOnBehalf = v; return this; }
        public Builder grantSendOnBehalfTo(List<RecipientId> v) { grantSendOnBehalfTo = new ArrayList<>(v); return this; }
        public Builder fullAccess(List<FullAccessEntry> v) { fullAccess = new ArrayList<>(v); return this; }
        public Builder sendAs(List<SendAsEntry> v) { sendAs = new ArrayList<>(v); return this; }
        public Builder members(List<RecipientId> v) { members = new ArrayList<>(v); return this; }
        /** A Microsoft 365 Group's owners; each must also be in {@link #members}. */
        public Builder owners(List<RecipientId> v) { owners = new ArrayList<>(v); return this; }
        public Builder filter(RecipientFilter v) { filter = v; return this; }
        public Builder attributes(Attributes v) { attributes = Objects.requireNonNull(v); return this; }

        /**
         * Builds a copy made with {@link Recipient#toBuilder()}, whose defaults are already filled;
         * throws when a field that needs the organization's defaults is missing.
         */
        public Recipient build() {
            if (alias == null || distinguishedName == null || legacyExchangeDn == null
                    || (type.isMailEnabled() && primarySmtpAddress == null)
                    || (!type.isGroup() && (userPrincipalName == null || samAccountName == null))) {
                throw new IllegalStateException(name + ": a new recipient needs build(Organization) to fill its defaults");
            }
            return build(null);
        }

        /** Fills Exchange's defaults from the organization and builds; throws with the field when invalid. */
        public Recipient build(Organization org) {
            String a = alias != null ? alias : defaultAlias(name);
            String dn = distinguishedName != null ? distinguishedName : org.defaultDistinguishedName(name);
            SmtpAddress primary = primarySmtpAddress != null || !type.isMailEnabled() ? primarySmtpAddress
                    : new SmtpAddress(a, org.defaultDomain());
            Optional<Account> account = Optional.empty();
            boolean hasAccount = !type.isGroup();
            if (hasAccount) {
                String upn = userPrincipalName != null ? userPrincipalName : a + "@" + org.domain();
                String sam = samAccountName != null ? samAccountName : a;
                account = Optional.of(new Account(upn, sam, Optional.ofNullable(password), Optional.ofNullable(linkedMasterAccount)));
            }
            return new Recipient(
                    id != null ? id : RecipientId.forName(name),
                    type, name,
                    displayName != null && !displayName.isBlank() ? displayName : name,
                    a, dn,
                    legacyExchangeDn != null ? legacyExchangeDn : org.defaultLegacyExchangeDn(a),
                    Optional.ofNullable(primary),
                    proxies(emailAddresses, primary),
                    Optional.ofNullable(externalEmailAddress),
                    account,
                    hidden != null ? hidden : type.hiddenByDefault(),
                    messageCopyForSentAs, messageCopyForSendOnBehalf,
                    grantSendOnBehalfTo.stream().distinct().toList(),
                    fullAccess, sendAs,
                    members.stream().distinct().toList(),
                    owners.stream().distinct().toList(),
                    Optional.ofNullable(filter),
                    attributes);
        }

        /** Exchange derives an alias from the name by dropping characters not valid in one. */
        private static String defaultAlias(String name) {
            StringBuilder sb = new StringBuilder();
            for (char c : name.toCharArray()) {
                if (Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0) {
                    sb.append(c);
                }
            }
            String s = sb.toString().replaceAll("^\\.+|\\.+$", "").replaceAll("\\.{2,}", ".");
            return s.isEmpty() ? "recipient" : s;
        }
    }

    /** The proxy addresses without the primary one and without repeats, in their order. */
    private static List<SmtpAddress> proxies(List<SmtpAddress> addresses, SmtpAddress primary) {
        List<SmtpAddress> out = new ArrayList<>(addresses.size());
        for (SmtpAddress x : addresses) {
            if (!x.equals(primary) && !out.contains(x)) {
                out.add(x);
            }
        }
        return List.copyOf(out);
    }
}
