package dev.behalf.gateway.http;

import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.oauth.IdentityPlatform;
import dev.behalf.policy.oauth.TokenResult;
import dev.behalf.policy.signin.Credential;
import dev.behalf.policy.signin.Mechanism;
import dev.behalf.policy.signin.SignIn;
import dev.behalf.policy.signin.SignInAttempt;
import dev.behalf.policy.signin.SignInDecision;
import dev.behalf.policy.signin.SignInSurface;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The mock identity platform's endpoints, shaped as Entra ID's v2.0 endpoints so that MSAL-style clients
 * need only another authority: {@code POST /{tenant}/oauth2/v2.0/token}, {@code GET /{tenant}/discovery/v2.0/keys}
 * (JWKS) and {@code GET /{tenant}/v2.0/.well-known/openid-configuration}.
 *
 * <p>Access: none of them takes the admin token. The token endpoint authenticates by what the request
 * carries, a client secret and, for the password grant, the user's password, decided by the one
 * {@link SignIn} (so its guesses are throttled with IMAP's and SMTP's); it is {@link Access#CREDENTIALED},
 * taking form-encoded POSTs as Entra does. The key set and discovery document are public, as Entra's are.
 */
public final class OAuthRoutes {
    private static final String FORM = "application/x-www-form-urlencoded";

    private final IdentityPlatform platform;
    private final SignIn signIn;
    private final Supplier<Map<String, Object>> ports;
    private final String serverName;

    public OAuthRoutes(IdentityPlatform platform, SignIn signIn, Supplier<Map<String, Object>> ports, String serverName) {
        this.platform = platform;
        this.signIn = signIn;
        this.ports = ports;
        this.serverName = serverName;
    }

    public Router install(Router router) {
        return router
                .credentialedPost("/{tenant}/oauth2/v2.0/token", this::token)
                .publicGet("/{tenant}/discovery/v2.0/keys", this::keys)
                .publicGet("/{tenant}/v2.0/.well-known/openid-configuration", this::openIdConfiguration);
    }

    private Response token(Request r) {
        Map<String, String> form = form(r);
        return new Response.Deferred(platform.token(r.param("tenant"), form, (user, password) ->
                        signIn.decideLater(new SignInAttempt(SignInSurface.TOKEN, r.client(),
                                        new Credential.Password(Mechanism.PASSWORD_GRANT, user, password)))
                                .thenApply(d -> d instanceof SignInDecision.Accepted a ? Optional.of(a.account()) : Optional.<Recipient>empty()))
                .thenApply(OAuthRoutes::answer));
    }

    /** The fields of a form-encoded body; any other body has none, and Entra's "must contain grant_type" follows. */
    private static Map<String, String> form(Request r) {
        String type = r.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        int semi = type.indexOf(';');
        String essence = (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> form = new LinkedHashMap<>();
        if (!essence.equals(FORM)) {
            return form;
        }
        new QueryStringDecoder(r.bodyText(), StandardCharsets.UTF_8, false).parameters()
                .forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        return form;
    }

    private static Response.Full answer(TokenResult result) {
        Map<String, String> noStore = Map.of("Cache-Control", "no-store", "Pragma", "no-cache");
        if (result instanceof TokenResult.Issued issued) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token_type", "Bearer");
            body.put("scope", issued.scope());
            body.put("expires_in", issued.expiresIn());
            body.put("ext_expires_in", issued.expiresIn());
            body.put("access_token", issued.accessToken());
            return new Response.Full(HttpResponseStatus.OK, "application/json; charset=utf-8",
                    Json.write(body).getBytes(StandardCharsets.UTF_8), noStore);
        }
        TokenResult.Error e = (TokenResult.Error) result;
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String timestamp = Instant.now().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.aadsts() + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: " + correlation + "\r\nTimestamp: " + timestamp);
        body.put("error_codes", List.of(e.code()));
        body.put("timestamp", timestamp);
        body.put("trace_id", trace);
        body.put("correlation_id", correlation);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + e.code());
        return new Response.Full(HttpResponseStatus.valueOf(e.status()), "application/json; charset=utf-8",
                Json.write(body).getBytes(StandardCharsets.UTF_8), noStore);
    }

    private Response keys(Request r) {
        if (!platform.isTenant(r.param("tenant"))) {
            return tenantNotFound(r.param("tenant"));
        }
        return Response.text(HttpResponseStatus.OK, "application/json; charset=utf-8", platform.jwks());
    }

    private Response openIdConfiguration(Request r) {
        if (!platform.isTenant(r.param("tenant"))) {
            return tenantNotFound(r.param("tenant"));
        }
        return Json.ok(platform.openIdConfiguration("http://" + serverName + ":" + ports.get().get("http")));
    }

    private static Response.Full tenantNotFound(String tenant) {
        return answer(new TokenResult.Error(400, "invalid_tenant", 90002, "Tenant '" + tenant + "' not found."));
    }
}
