package dev.behalf.shell.internal.cmdlets;

import dev.behalf.policy.change.Grant;
import dev.behalf.policy.change.GrantEdit;
import dev.behalf.policy.change.GrantEditor;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.Surface;
import dev.behalf.shell.internal.language.Arguments;
import dev.behalf.shell.internal.language.CmdletException;
import dev.behalf.shell.internal.language.ExecutionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the permission cmdlets share: the access-rights argument checks, and how a grant edit of
 * {@link GrantEditor} (on the Shell's column of the permission table, spec §3) becomes the command's
 * error or warnings (spec §9).
 */
final class Grants {
    private Grants() {
    }

    /** The edit's target and trustee named as the command gave them, as Exchange's warnings echo them. */
    static GrantEdit.Accepted add(Arguments a, Recipient target, Grant grant, String trusteeParameter, Recipient trustee, ExecutionContext ctx) {
        return accepted(GrantEditor.add(Surface.Shell, new GrantEditor.Named(target, a.text("Identity")), grant,
                new GrantEditor.Named(trustee, a.text(trusteeParameter))), ctx);
    }

    static GrantEdit.Accepted remove(Arguments a, Recipient target, Grant grant, String trusteeParameter, Recipient trustee, ExecutionContext ctx) {
        return accepted(GrantEditor.remove(Surface.Shell, new GrantEditor.Named(target, a.text("Identity")), grant,
                new GrantEditor.Named(trustee, a.text(trusteeParameter))), ctx);
    }

    /** A refusal fails the command; the warnings are written; the edit is returned for the command to confirm and apply. */
    static GrantEdit.Accepted accepted(GrantEdit edit, ExecutionContext ctx) {
        GrantEdit.Accepted a = orFail(edit);
        a.warnings().forEach(w -> ctx.warn(w.text()));
        return a;
    }

    /** A refusal fails the command; the warnings are the caller's to write or not. */
    static GrantEdit.Accepted orFail(GrantEdit edit) {
        if (edit instanceof GrantEdit.Refused r) {
            throw new CmdletException(r.refusal().text());
        }
        return (GrantEdit.Accepted) edit;
    }

    static AccessControl control(Arguments a) {
        return a.flag("Deny") ? AccessControl.Deny : AccessControl.Allow;
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
