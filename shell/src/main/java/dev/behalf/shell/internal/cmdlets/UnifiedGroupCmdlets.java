package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.shell.internal.format.RecipientViews;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletDefinition;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.Parameter;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.behalf.shell.internal.language.CmdletDefinition.Input.IDENTITY;
import static dev.behalf.shell.internal.language.CmdletDefinition.Input.NONE;
import static dev.behalf.shell.internal.language.Parameter.Type;

/**
 * Microsoft 365 Groups, as Exchange Online PowerShell has them: {@code New-}, {@code Get-} and
 * {@code Remove-UnifiedGroup}, and {@code Add-}, {@code Remove-} and {@code Get-UnifiedGroupLinks} for
 * members and owners. {@code Set-UnifiedGroup -GrantSendOnBehalfTo} is with the other {@code Set-}
 * cmdlets, and Send As is {@code Add-RecipientPermission}'s, so the grant rules are the one
 * {@code GrantEditor}'s.
 *
 * <p>As Exchange Online: members are users (mailbox users, and guests as mail users), never groups; an
 * owner is a member first ("Only members can be owners of a group", Add-UnifiedGroupLinks) and never a
 * guest; {@code New-UnifiedGroup -Owner} makes the owner a member too. Subscribers and aggregators are
 * link types Behalf doesn't simulate.
 */
final class UnifiedGroupCmdlets {
    private static final List<String> LINK_TYPES = List.of("Members", "Owners", "Subscribers", "Aggregators");
    private static final Set<RecipientTypeDetails> MEMBERS = EnumSet.of(RecipientTypeDetails.UserMailbox,
            RecipientTypeDetails.LinkedMailbox, RecipientTypeDetails.MailUser);
    private static final Set<RecipientTypeDetails> OWNERS = EnumSet.of(RecipientTypeDetails.UserMailbox,
            RecipientTypeDetails.LinkedMailbox);

    private UnifiedGroupCmdlets() {
    }

    static List<CmdletDefinition> definitions() {
        return List.of(
                CmdletDefinition.changing("New-UnifiedGroup", NONE, UnifiedGroupCmdlets::create,
                        Parameter.of("DisplayName", Type.TEXT).required(), Parameter.of("Name", Type.TEXT),
                        Parameter.of("Alias", Type.TEXT), Parameter.of("PrimarySmtpAddress", Type.TEXT),
                        Parameter.of("Owner", Type.IDENTITY), Parameter.of("Members", Type.TEXT_LIST),
                        Parameter.of("AccessType", Type.TEXT), Parameter.of("Notes", Type.TEXT)),
                CmdletDefinition.reading("Get-UnifiedGroup", IDENTITY, UnifiedGroupCmdlets::get,
                        Parameter.of("Identity", Type.IDENTITY).at(0).pipeable(), Parameter.of("ResultSize", Type.TEXT)),
                CmdletDefinition.changing("Remove-UnifiedGroup", IDENTITY, UnifiedGroupCmdlets::remove, Parameter.identity()),
                CmdletDefinition.changing("Add-UnifiedGroupLinks", IDENTITY, UnifiedGroupCmdlets::addLinks, links()),
                CmdletDefinition.changing("Remove-UnifiedGroupLinks", IDENTITY, UnifiedGroupCmdlets::removeLinks, links()),
                CmdletDefinition.reading("Get-UnifiedGroupLinks", IDENTITY, UnifiedGroupCmdlets::getLinks,
                        Parameter.identity(), Parameter.of("LinkType", Type.TEXT).required(), Parameter.of("ResultSize", Type.TEXT)));
    }

    private static Parameter[] links() {
        return new Parameter[]{Parameter.identity(), Parameter.of("LinkType", Type.TEXT).required(),
                Parameter.of("Links", Type.TEXT_LIST).required()};
    }

    private static List<Item> create(Arguments a, List<Item> in, ExecutionContext ctx) {
        String displayName = a.text("DisplayName").strip();
        if (displayName.isEmpty()) {
            throw new CmdletException(a.at("DisplayName"), "The DisplayName can't be empty.");
        }
        a.optionalText("AccessType").map(String::strip).filter(t -> !t.equalsIgnoreCase("Public") && !t.equalsIgnoreCase("Private"))
                .ifPresent(t -> {
                    throw new CmdletException(a.at("AccessType"), "Cannot convert value \"" + t + "\" to type"
                            + " \"Microsoft.Exchange.Data.Directory.ModernGroupTypeInfo\". Specify one of the following enumerator names"
                            + " and try again: Public, Private");
                });
        Directory d = ctx.directory();
        // Exchange Online names the group after its display name unless -Name says otherwise.
        String name = a.optionalText("Name").map(String::strip).filter(s -> !s.isEmpty()).orElse(displayName);
        if (d.byName(name).isPresent()) {
            throw new CmdletException(a.at(a.has("Name") ? "Name" : "DisplayName"), "The name \"" + name
                    + "\" is already being used. Please try another name.");
        }
        Recipient.Builder b = Recipient.builder(RecipientTypeDetails.GroupMailbox, name).displayName(displayName);
        a.optionalText("Alias").filter(s -> !s.isBlank()).ifPresent(s -> b.alias(s.strip()));
        a.optionalText("PrimarySmtpAddress").ifPresent(s -> b.primarySmtpAddress(Creation.ownAddress(a, d, s)));
        Lookup lookup = Lookup.in(ctx);
        List<RecipientId> members = new ArrayList<>();
        for (String m : a.texts("Members")) {
            members.add(link(lookup, a, "Members", m, MEMBERS).id());
        }
        List<RecipientId> owners = new ArrayList<>();
        a.optionalText("Owner").ifPresent(o -> {
            Recipient owner = link(lookup, a, "Owners", o, OWNERS);
            owners.add(owner.id());
            if (!members.contains(owner.id())) {
                members.add(owner.id());
            }
        });
        Recipient group = Creation.build(b.members(members).owners(owners), ctx.organization());
        if (!ctx.shouldProcess(a, false, "Creating Microsoft 365 Group \"" + group.name() + "\".")) {
            return List.of();
        }
        ctx.put(group);
        return List.of(RecipientViews.unifiedGroup(ctx.directory(), group));
    }

    private static List<Item> get(Arguments a, List<Item> in, ExecutionContext ctx) {
        List<Recipient> found = Lookup.in(ctx).search(a.optionalText("Identity").orElse(""), Lookup.UNIFIED_GROUPS);
        return QueryCmdlets.limit(a, ctx, found.stream().map(r -> (Item) RecipientViews.unifiedGroup(ctx.directory(), r)).toList());
    }

    private static List<Item> remove(Arguments a, List<Item> in, ExecutionContext ctx) {
        Recipient group = Lookup.in(ctx).one(a.text("Identity"), Lookup.UNIFIED_GROUPS);
        if (ctx.shouldProcess(a, true, "Removing Microsoft 365 Group \"" + a.text("Identity") + "\".")) {
            ctx.remove(group.id());
        }
        return List.of();
    }

    /** The group a links cmdlet names, with its members and owners as lists to edit. */
    private record Links(Lookup lookup, Recipient group, boolean owners, List<RecipientId> members, List<RecipientId> ownerList) {
        static Links of(Arguments a, ExecutionContext ctx) {
            Lookup lookup = Lookup.in(ctx);
            Recipient group = lookup.one(a.text("Identity"), Lookup.UNIFIED_GROUPS);
            return new Links(lookup, group, UnifiedGroupCmdlets.owners(a), new ArrayList<>(group.members()), new ArrayList<>(group.owners()));
        }
    }

    private static List<Item> addLinks(Arguments a, List<Item> in, ExecutionContext ctx) {
        Links l = Links.of(a, ctx);
        Lookup lookup = l.lookup();
        boolean owners = l.owners();
        List<RecipientId> members = l.members();
        List<RecipientId> ownerList = l.ownerList();
        for (String identity : a.texts("Links")) {
            Recipient link = link(lookup, a, owners ? "Owners" : "Members", identity, owners ? OWNERS : MEMBERS);
            if (owners) {
                if (!members.contains(link.id())) {
                    throw new CmdletException(a.at("Links"), "Only members can be owners of a group: add '" + identity + "' to '"
                            + a.text("Identity") + "' with -LinkType Members before adding it as an owner.");
                }
                if (!ownerList.contains(link.id())) {
                    ownerList.add(link.id());
                }
            } else if (!members.contains(link.id())) {
                members.add(link.id());
            }
        }
        return apply(a, ctx, l.group(), members, ownerList, "Adding");
    }

    private static List<Item> removeLinks(Arguments a, List<Item> in, ExecutionContext ctx) {
        Links l = Links.of(a, ctx);
        boolean owners = l.owners();
        List<RecipientId> members = l.members();
        List<RecipientId> ownerList = l.ownerList();
        for (String identity : a.texts("Links")) {
            Recipient link = l.lookup().one(identity, Lookup.ANY);
            if (owners) {
                ownerList.remove(link.id());
            } else {
                if (ownerList.contains(link.id())) {
                    throw new CmdletException(a.at("Links"), "'" + identity + "' is an owner of '" + a.text("Identity")
                            + "': remove it with -LinkType Owners before removing it from the members.");
                }
                members.remove(link.id());
            }
        }
        return apply(a, ctx, l.group(), members, ownerList, "Removing");
    }

    private static List<Item> apply(Arguments a, ExecutionContext ctx, Recipient group, List<RecipientId> members,
                                    List<RecipientId> owners, String verb) {
        Recipient after = Creation.build(group.toBuilder().members(members).owners(owners));
        if (after.equals(group)) {
            ctx.warn("The command completed successfully but no settings of '" + a.text("Identity") + "' have been modified.");
            return List.of();
        }
        String action = verb + " " + linkType(a).toLowerCase(java.util.Locale.ROOT) + " \"" + String.join(", ", a.texts("Links"))
                + "\" " + (verb.equals("Adding") ? "to" : "from") + " Microsoft 365 Group \"" + a.text("Identity") + "\".";
        if (ctx.shouldProcess(a, verb.equals("Removing"), action)) {
            ctx.put(after);
        }
        return List.of();
    }

    private static List<Item> getLinks(Arguments a, List<Item> in, ExecutionContext ctx) {
        Recipient group = Lookup.in(ctx).one(a.text("Identity"), Lookup.UNIFIED_GROUPS);
        Directory d = ctx.directory();
        List<RecipientId> ids = owners(a) ? group.owners() : group.members();
        return QueryCmdlets.limit(a, ctx, ids.stream().map(id -> (Item) RecipientViews.recipient(d, d.require(id))).toList());
    }

    /** The one recipient {@code identity} names, which must be of a kind the link type takes; Exchange-like errors otherwise. */
    private static Recipient link(Lookup lookup, Arguments a, String linkType, String identity, Set<RecipientTypeDetails> kinds) {
        Recipient r = lookup.one(identity, Lookup.ANY);
        if (!kinds.contains(r.type())) {
            String why = linkType.equals("Owners") && r.type() == RecipientTypeDetails.MailUser
                    ? "guest users can never be owners of a group"
                    : "a Microsoft 365 Group's " + linkType.toLowerCase(java.util.Locale.ROOT) + " are users (" + kinds + "), not a " + r.type();
            throw new CmdletException(a.at(a.has("Links") ? "Links" : linkType.equals("Owners") ? "Owner" : "Members"),
                    "'" + identity + "' can't be added to " + linkType + ": " + why + ".");
        }
        return r;
    }

    /** Whether {@code -LinkType} is Owners (else Members); Subscribers and Aggregators are refused. */
    private static boolean owners(Arguments a) {
        return linkType(a).equals("Owners");
    }

    private static String linkType(Arguments a) {
        String v = a.text("LinkType").strip();
        String match = LINK_TYPES.stream().filter(t -> t.equalsIgnoreCase(v)).findFirst().orElseThrow(() -> new CmdletException(a.at("LinkType"),
                "Cannot process argument transformation on parameter 'LinkType'. Cannot convert value \"" + v
                        + "\" to type \"Microsoft.Exchange.Data.Directory.Recipient.LinkType\". Error: \"Unable to match the identifier name "
                        + v + " to a valid enumerator name. Specify one of the following enumerator names and try again: "
                        + String.join(", ", LINK_TYPES) + "\""));
        if (!match.equals("Members") && !match.equals("Owners")) {
            throw new CmdletException(a.at("LinkType"), "Behalf simulates Members and Owners only; -LinkType " + match + " isn't supported.");
        }
        return match;
    }
}
