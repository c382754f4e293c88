package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.directory.PermissionTable;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Surface;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the permission cmdlets share: the seed table's Shell column (spec §3), the access-rights
 * argument check, and Exchange's warnings for an entry that is already there or isn't (spec §9).
 * In the warnings, the object and account are named as the command gave them.
 */
final class Grants {
    private Grants() {
    }

    /** Refuses a combination outside the Shell column, naming the right, the target type and the trustee type. */
    static void check(Right right, Recipient target, Recipient trustee) {
        PermissionTable.check(right, Surface.Shell, target.type(), trustee.type()).ifPresent(message -> {
            throw new CmdletException("Can't grant " + right.label() + " on '" + target.name() + "' (" + target.type()
                    + ") to '" + trustee.name() + "' (" + trustee.type() + "): " + message);
        });
    }

    static String alreadyPresent(String identity, String trustee) {
        return "The appropriate access control entry is already present on the object \"" + identity + "\" for account \""
                + trustee + "\".";
    }

    static String cannotRemove(String identity, String trustee) {
        return "Can't remove the access control entry on the object \"" + identity + "\" for account \"" + trustee
                + "\" because the ACE doesn't exist on the object.";
    }

    /**
     * Checks an access-rights argument: every value (a value may hold several, comma-separated, as
     * .NET flag enums do) must be one of {@code known}, and the ones Behalf simulates are {@code simulated}.
     */
    static void rights(Arguments a, String parameter, String enumType, List<String> known, List<String> simulated) {
        for (String value : a.texts(parameter)) {
            for (String part : value.split(",")) {
                String v = part.strip();
                String match = known.stream().filter(k -> k.equalsIgnoreCase(v)).findFirst().orElseThrow(() -> new CmdletException(a.at(parameter),
                        "Cannot process argument transformation on parameter '" + parameter + "'. Cannot convert value \"" + v
                                + "\" to type \"" + enumType + "\". Error: \"Unable to match the identifier name " + v
                                + " to a valid enumerator name. Specify one of the following enumerator names and try again: "
                                + String.join(", ", known) + "\""));
                if (!simulated.contains(match)) {
                    throw new CmdletException(a.at(parameter), "Behalf simulates " + String.join(" and ", simulated)
                            + " only; -" + parameter + " " + match + " isn't supported.");
                }
            }
        }
    }

    /** Extended right names: {@code "Send As"} (display name) or {@code Send-As} (its CN), any case. */
    static List<String> extendedRights(Arguments a) {
        List<String> out = new ArrayList<>();
        for (String value : a.texts("ExtendedRights")) {
            for (String part : value.split(",")) {
                String v = part.strip().toLowerCase(Locale.ROOT).replace('-', ' ');
                if (v.equals("send as")) {
                    out.add("Send-As");
                } else {
                    throw new CmdletException(a.at("ExtendedRights"), "Behalf simulates the Send As extended right only; write -ExtendedRights \"Send As\""
                            + " (or Send-As), not '" + part.strip() + "'.");
                }
            }
        }
        return out;
    }
}
