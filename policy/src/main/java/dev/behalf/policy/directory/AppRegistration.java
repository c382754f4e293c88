package dev.behalf.policy.directory;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An application registered with the tenant, as Entra ID holds it and Exchange Online's
 * {@code New-ServicePrincipal} mirrors it: the client id ({@code appId}) an app signs in with, the object
 * id of its service principal (what Exchange's permission cmdlets name, and the token's {@code oid}),
 * the client secret, which API permissions an admin consented to, and which mailboxes the app may use
 * with app-only tokens ({@code Add-MailboxPermission -AccessRights FullAccess} for IMAP and POP,
 * {@code Add-RecipientPermission -AccessRights SendAs} for SMTP and Graph).
 *
 * <p>The mailbox lists live on the app rather than as entries on the mailboxes, because a service
 * principal is not a recipient: nothing can send to it, no group contains it, and the delegation rules
 * that a recipient's grants feed never see it. An app-only token opens or sends as the mailbox itself.
 *
 * @param permissions consented permission names: delegated ({@code SMTP.Send}) and application
 *                    ({@code SMTP.SendAsApp}) alike; a token carries those its grant and scope allow
 */
public record AppRegistration(String appId, String objectId, String displayName, Optional<Secret> clientSecret,
                              Set<String> permissions, List<RecipientId> fullAccess, List<RecipientId> sendAs) {

    /** Application permissions (app roles) of Office 365 Exchange Online and Microsoft Graph. */
    public static final Set<String> APP_ROLES = Set.of("SMTP.SendAsApp", "IMAP.AccessAsApp", "POP.AccessAsApp", "Mail.Send");
    /** Delegated permissions (scopes) of Office 365 Exchange Online and Microsoft Graph. */
    public static final Set<String> DELEGATED = Set.of("SMTP.Send", "IMAP.AccessAsUser.All", "POP.AccessAsUser.All",
            "Mail.Send", "Mail.Send.Shared");

    public AppRegistration {
        appId = guid(appId, "AppId");
        objectId = guid(objectId, "ObjectId");
        Objects.requireNonNull(displayName, "displayName");
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("an app registration needs a DisplayName");
        }
        Objects.requireNonNull(clientSecret, "clientSecret");
        permissions = Set.copyOf(permissions);
        for (String p : permissions) {
            if (!APP_ROLES.contains(p) && !DELEGATED.contains(p)) {
                throw new IllegalArgumentException("'" + p + "' is not a permission Behalf knows; use one of "
                        + new java.util.TreeSet<>(union()));
            }
        }
        fullAccess = List.copyOf(fullAccess);
        sendAs = List.copyOf(sendAs);
    }

    /** Every permission an app registered without a list gets: everything Exchange and Graph mail offer. */
    public static Set<String> union() {
        java.util.Set<String> all = new java.util.HashSet<>(APP_ROLES);
        all.addAll(DELEGATED);
        return Set.copyOf(all);
    }

    public AppRegistration withFullAccess(List<RecipientId> v) {
        return new AppRegistration(appId, objectId, displayName, clientSecret, permissions, v, sendAs);
    }

    public AppRegistration withSendAs(List<RecipientId> v) {
        return new AppRegistration(appId, objectId, displayName, clientSecret, permissions, fullAccess, v);
    }

    /** Whether {@code text} names this app: its display name, app id or object id. */
    public boolean isNamedBy(String text) {
        String t = text.strip();
        return displayName.equalsIgnoreCase(t) || appId.equalsIgnoreCase(t) || objectId.equalsIgnoreCase(t);
    }

    private static String guid(String value, String field) {
        Objects.requireNonNull(value, field);
        try {
            return UUID.fromString(value.strip()).toString().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a GUID (e.g. 6a5c4b3e-1d2f-4e8a-9b0c-7d6e5f4a3b2c)");
        }
    }

    @Override
    public String toString() {
        return "AppRegistration[" + displayName + ", appId=" + appId + ", objectId=" + objectId + "]";
    }
}
