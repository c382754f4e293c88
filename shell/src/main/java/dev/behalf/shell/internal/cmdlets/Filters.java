package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.RecipientFilter;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.Parameter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The precanned filter parameters of dynamic distribution groups: {@code -IncludedRecipients}, {@code -Conditional*}. */
final class Filters {
    /** The {@code -Conditional*} parameters and the attribute each one filters on. */
    static final Map<String, String> CONDITIONS = conditions();

    private Filters() {
    }

    private static Map<String, String> conditions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : List.of("Company", "Department", "StateOrProvince")) {
            m.put("Conditional" + a, a);
        }
        for (int i = 1; i <= 15; i++) {
            m.put("ConditionalCustomAttribute" + i, "CustomAttribute" + i);
        }
        return m;
    }

    static List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        out.add(Parameter.of("IncludedRecipients", Parameter.Type.TEXT_LIST));
        for (String name : CONDITIONS.keySet()) {
            out.add(Parameter.of(name, Parameter.Type.TEXT_LIST));
        }
        return out;
    }

    /** {@code current} with the filter parameters given in {@code a} applied; a given condition replaces that condition. */
    static Optional<RecipientFilter> apply(Arguments a, Optional<RecipientFilter> current) {
        boolean touched = a.has("IncludedRecipients") || CONDITIONS.keySet().stream().anyMatch(a::has);
        if (!touched) {
            return current;
        }
        Set<RecipientFilter.Included> included = a.has("IncludedRecipients") ? included(a)
                : current.map(RecipientFilter::included).orElseThrow(() -> new CmdletException(a.at("IncludedRecipients"),
                "A dynamic distribution group needs -IncludedRecipients, such as MailboxUsers or AllRecipients."));
        Map<String, List<String>> conditions = new LinkedHashMap<>(current.map(RecipientFilter::conditions).orElse(Map.of()));
        CONDITIONS.forEach((parameter, attribute) -> {
            if (a.has(parameter)) {
                conditions.put(attribute, a.texts(parameter).stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
            }
        });
        return Optional.of(new RecipientFilter(included, conditions));
    }

    private static Set<RecipientFilter.Included> included(Arguments a) {
        EnumSet<RecipientFilter.Included> out = EnumSet.noneOf(RecipientFilter.Included.class);
        for (String value : a.texts("IncludedRecipients")) {
            // Exchange documents -IncludedRecipients "MailboxUsers,MailContacts": one string holding several flags.
            for (String part : value.split(",")) {
                String v = part.strip();
                out.add(RecipientFilter.Included.byName(v).orElseThrow(() -> new CmdletException(a.at("IncludedRecipients"),
                        "Cannot convert value \"" + v + "\" to type \"Microsoft.Exchange.Data.Directory.Recipient.WellKnownRecipientType\"."
                                + " Specify one of the following enumerator names and try again: "
                                + String.join(", ", Arrays.stream(RecipientFilter.Included.values()).map(Enum::name).toList()))));
            }
        }
        if (out.isEmpty()) {
            throw new CmdletException(a.at("IncludedRecipients"), "-IncludedRecipients needs a value, such as MailboxUsers or AllRecipients.");
        }
        if (out.contains(RecipientFilter.Included.AllRecipients) && out.size() > 1) {
            throw new CmdletException(a.at("IncludedRecipients"), "AllRecipients can't be used with other values of -IncludedRecipients.");
        }
        return out;
    }
}
