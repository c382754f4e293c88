package dev.behalf.policy.signin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of an access token whose signature, issuer, tenant and lifetime checked out; what it may do
 * (audience, scopes or roles, whose it is) is decided by {@link SignInRules} for the surface it is used on.
 *
 * @param audience {@code aud}: the resource, {@code https://outlook.office365.com} or {@code https://graph.microsoft.com}
 * @param appId    {@code appid}: the client the token was issued to
 * @param objectId {@code oid}: the user's object (the recipient's Guid) for a delegated token, the service
 *                 principal's for an app-only one
 * @param upn      {@code upn}: present on delegated tokens only
 * @param scopes   {@code scp}: delegated permissions
 * @param roles    {@code roles}: application permissions (app-only tokens)
 */
public record AccessToken(String tenantId, String audience, String appId, String objectId, Optional<String> upn,
                          Set<String> scopes, Set<String> roles, Instant expires) {
    /** The resource Exchange Online's SMTP, IMAP and POP take tokens for. */
    public static final String EXCHANGE = "https://outlook.office365.com";
    /** Microsoft Graph's resource. */
    public static final String GRAPH = "https://graph.microsoft.com";
    /** Graph's delegated permission to send mail from a mailbox other than the signed-in user's. */
    public static final String MAIL_SEND_SHARED = "Mail.Send.Shared";

    public AccessToken {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(upn, "upn");
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
        Objects.requireNonNull(expires, "expires");
    }

    /**
     * Whether a Graph token may send from a mailbox other than its own user's (Graph: "applications that use
     * user tokens use the Mail.Send.Shared permission"); an app-only token sends as the mailbox it names, and
     * whether that mailbox may send as another is the delegation policy's to decide.
     */
    public boolean sendsFromOthers() {
        return appOnly() || scopes.contains(MAIL_SEND_SHARED);
    }

    /** An app-only token (client credentials): no user, application permissions. */
    public boolean appOnly() {
        return upn.isEmpty();
    }
}
