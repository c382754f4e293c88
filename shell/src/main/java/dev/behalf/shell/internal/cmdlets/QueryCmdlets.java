package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.shell.internal.format.RecipientViews;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletDefinition;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.ExecutionContext;
import dev.behalf.shell.internal.language.Item;
import dev.behalf.shell.internal.language.Parameter;
import dev.behalf.shell.internal.language.ShellObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import static dev.behalf.shell.internal.language.CmdletDefinition.Input.IDENTITY;
import static dev.behalf.shell.internal.language.Parameter.Type;

/**
 * The read-only recipient cmdlets: {@code Get-Recipient}, {@code Get-Mailbox}, {@code Get-User},
 * {@code Get-DistributionGroup}, {@code Get-DynamicDistributionGroup} and the member listings.
 * Without {@code -Identity} they list every object of their kind, up to {@code -ResultSize}
 * (1000 by default, as in Exchange; {@code Unlimited} for all).
 */
final class QueryCmdlets {
    private static final int DEFAULT_RESULT_SIZE = 1000;

    private QueryCmdlets() {
    }

    private static Parameter[] listing(Parameter... more) {
        List<Parameter> p = new ArrayList<>(List.of(Parameter.of("Identity", Type.IDENTITY).at(0).pipeable(),
                Parameter.of("ResultSize", Type.TEXT)));
        p.addAll(List.of(more));
        return p.toArray(Parameter[]::new);
    }

    static List<CmdletDefinition> definitions() {
        Parameter typeFilter = Parameter.of("RecipientTypeDetails", Type.TEXT_LIST);
        Parameter members = Parameter.identity();
        return List.of(
                CmdletDefinition.reading("Get-Recipient", IDENTITY, (a, in, ctx) -> list(a, ctx, Lookup.MAIL_ENABLED, RecipientViews::recipient),
                        listing(typeFilter)),
                CmdletDefinition.reading("Get-Mailbox", IDENTITY, QueryCmdlets::mailboxes,
                        listing(typeFilter, Parameter.of("Arbitration", Type.SWITCH))),
                CmdletDefinition.reading("Get-User", IDENTITY, (a, in, ctx) -> list(a, ctx, Lookup.ACCOUNTS, RecipientViews::user),
                        listing(typeFilter)),
                CmdletDefinition.reading("Get-DistributionGroup", IDENTITY, (a, in, ctx) -> list(a, ctx, Lookup.MAIL_GROUPS, RecipientViews::group),
                        listing(typeFilter)),
                CmdletDefinition.reading("Get-DynamicDistributionGroup", IDENTITY,
                        (a, in, ctx) -> list(a, ctx, Lookup.DYNAMIC_GROUPS, RecipientViews::dynamicGroup), listing()),
                CmdletDefinition.reading("Get-DistributionGroupMember", IDENTITY, QueryCmdlets::members,
                        members, Parameter.of("ResultSize", Type.TEXT)),
                CmdletDefinition.reading("Get-DynamicDistributionGroupMember", IDENTITY, QueryCmdlets::dynamicMembers,
                        members, Parameter.of("ResultSize", Type.TEXT)));
    }

    /** Exchange: arbitration mailboxes are listed only with {@code -Arbitration}, and then only they are. */
    private static List<Item> mailboxes(Arguments a, List<Item> in, ExecutionContext ctx) {
        Set<RecipientTypeDetails> kinds = EnumSet.copyOf(Lookup.MAILBOXES);
        if (a.flag("Arbitration")) {
            kinds.retainAll(EnumSet.of(RecipientTypeDetails.ArbitrationMailbox));
        } else {
            kinds.remove(RecipientTypeDetails.ArbitrationMailbox);
        }
        return list(a, ctx, kinds, RecipientViews::mailbox);
    }

    private static List<Item> list(Arguments a, ExecutionContext ctx, Set<RecipientTypeDetails> kinds,
                                   BiFunction<Directory, Recipient, ShellObject> view) {
        Set<RecipientTypeDetails> wanted = EnumSet.copyOf(kinds);
        if (a.has("RecipientTypeDetails")) {
            wanted.retainAll(types(a));
        }
        List<Recipient> found = Lookup.in(ctx).search(a.optionalText("Identity").orElse(""), wanted);
        return limit(a, ctx, found.stream().map(r -> (Item) view.apply(ctx.directory(), r)).toList());
    }

    private static List<Item> members(Arguments a, List<Item> in, ExecutionContext ctx) {
        Recipient group = Lookup.in(ctx).one(a.text("Identity"), Lookup.MAIL_GROUPS);
        Directory d = ctx.directory();
        return limit(a, ctx, group.members().stream().map(m -> (Item) RecipientViews.recipient(d, d.require(m))).toList());
    }

    private static List<Item> dynamicMembers(Arguments a, List<Item> in, ExecutionContext ctx) {
        Recipient group = Lookup.in(ctx).one(a.text("Identity"), Lookup.DYNAMIC_GROUPS);
        Directory d = ctx.directory();
        return limit(a, ctx, d.recipients().stream().filter(r -> group.filter().map(f -> f.matches(r)).orElse(false))
                .map(r -> (Item) RecipientViews.recipient(d, r)).toList());
    }

    private static Set<RecipientTypeDetails> types(Arguments a) {
        EnumSet<RecipientTypeDetails> out = EnumSet.noneOf(RecipientTypeDetails.class);
        for (String value : a.texts("RecipientTypeDetails")) {
            for (String part : value.split(",")) {
                out.add(RecipientTypeDetails.byName(part).orElseThrow(() -> new CmdletException(a.at("RecipientTypeDetails"),
                        "Cannot convert value \"" + part.strip() + "\" to type \"Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails\"."
                                + " Specify one of the following enumerator names and try again: "
                                + String.join(", ", Arrays.stream(RecipientTypeDetails.values()).map(Enum::name).toList()))));
            }
        }
        return out;
    }

    static List<Item> limit(Arguments a, ExecutionContext ctx, List<Item> items) {
        String size = a.optionalText("ResultSize").orElse(String.valueOf(DEFAULT_RESULT_SIZE)).strip();
        if (size.equalsIgnoreCase("Unlimited")) {
            return items;
        }
        int max;
        try {
            max = Integer.parseInt(size);
        } catch (NumberFormatException e) {
            throw new CmdletException(a.at("ResultSize"), "Cannot process argument transformation on parameter 'ResultSize'."
                    + " Cannot convert value \"" + size + "\": use a number or Unlimited.");
        }
        if (max < 0) {
            throw new CmdletException(a.at("ResultSize"), "-ResultSize can't be negative; use a number or Unlimited.");
        }
        if (items.size() <= max) {
            return items;
        }
        ctx.warn("There are more results available than are currently displayed. To view them, increase the value for the"
                + " ResultSize parameter.");
        return items.subList(0, max);
    }
}
