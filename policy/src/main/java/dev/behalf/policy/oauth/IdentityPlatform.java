package dev.behalf.policy.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.behalf.policy.directory.AppRegistration;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.signin.AccessToken;
import dev.behalf.policy.signin.SignInDecision;
import dev.behalf.policy.signin.TokenValidator;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A mock of the Microsoft identity platform (Entra ID) for one tenant, the directory's organization: it
 * issues v1 access tokens as Entra does for Exchange Online and Graph (RS256 JWTs with {@code aud},
 * {@code iss}, {@code tid}, {@code appid}, {@code oid}, {@code upn}, {@code scp} or {@code roles},
 * {@code exp}) through the client-credentials and password grants, publishes its key as a JWKS, and
 * checks tokens presented back ({@link TokenValidator}). The signing key is generated on first use (an
 * RSA key generation, which start-up should not wait for) and lives as long as the platform, so tokens
 * do not outlive the server. Apps are the directory's {@link AppRegistration}s, read
 * from the directory in force at each request. No sockets: the HTTP routes speak for it. Thread-safe.
 */
public final class IdentityPlatform implements TokenValidator {
    /** Scopes that ask for an ID token or a refresh token, not for a resource: accepted and ignored. */
    private static final Set<String> OIDC = Set.of("openid", "profile", "email", "offline_access");
    private static final Map<String, String> RESOURCE_PREFIXES = Map.of(
            "https://outlook.office365.com/", AccessToken.EXCHANGE,
            "https://outlook.office.com/", AccessToken.EXCHANGE,
            "https://graph.microsoft.com/", AccessToken.GRAPH);
    /** Each resource's delegated permissions and app roles. */
    private static final Map<String, Set<String>> DELEGATED = Map.of(
            AccessToken.EXCHANGE, Set.of("SMTP.Send", "IMAP.AccessAsUser.All", "POP.AccessAsUser.All"),
            AccessToken.GRAPH, Set.of("Mail.Send", "Mail.Send.Shared"));
    private static final Map<String, Set<String>> ROLES = Map.of(
            AccessToken.EXCHANGE, Set.of("SMTP.SendAsApp", "IMAP.AccessAsApp", "POP.AccessAsApp"),
            AccessToken.GRAPH, Set.of("Mail.Send"));

    private final Supplier<Directory> directory;
    private final Clock clock;
    private final Duration lifetime;
    private volatile Keys keys;

    private record Keys(RSAKey key, RSASSASigner signer, RSASSAVerifier verifier) {
    }

    /**
     * Checks a password for the password grant, through the one sign-in decider (so the throttle counts it
     * with every other surface's): the account it proves, or empty.
     */
    @FunctionalInterface
    public interface PasswordCheck {
        CompletionStage<Optional<Recipient>> check(String username, String password);
    }

    public IdentityPlatform(Supplier<Directory> directory, Clock clock, Duration lifetime) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive: " + lifetime);
        }
        this.lifetime = lifetime;
    }

    private Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    try {
                        RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                                .keyID(UUID.randomUUID().toString()).generate();
                        k = new Keys(key, new RSASSASigner(key), new RSASSAVerifier(key.toRSAPublicKey()));
                    } catch (JOSEException e) {
                        throw new IllegalStateException("can't make the identity platform's RSA key", e);
                    }
                    keys = k;
                }
            }
        }
        return k;
    }

    /** One hour, as Entra's default access token lifetime is (it varies 60 to 90 minutes there). */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    /** The tenant id: a GUID fixed by the organization's domain, so it is the same on every start. */
    public String tenantId() {
        return tenantId(directory.get().organization());
    }

    static String tenantId(Organization org) {
        return UUID.nameUUIDFromBytes(("behalf tenant " + org.domain()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** {@code https://sts.windows.net/{tid}/}, the issuer of Entra's v1 tokens, which Exchange and Graph get. */
    public String issuer() {
        return "https://sts.windows.net/" + tenantId() + "/";
    }

    /**
     * Whether a URL's tenant segment names this tenant: its id, its domain or an accepted domain, or the
     * multi-tenant aliases {@code common} and {@code organizations}.
     */
    public boolean isTenant(String segment) {
        String s = segment.strip().toLowerCase(Locale.ROOT);
        Organization org = directory.get().organization();
        return s.equals(tenantId(org)) || s.equals("common") || s.equals("organizations") || s.equals(org.domain())
                || org.acceptedDomains().contains(s);
    }

    /** The public key set ({@code {"keys":[...]}}), never the private part. */
    public String jwks() {
        return new JWKSet(keys().key().toPublicJWK()).toString(true);
    }

    /** The key id tokens name in their header. */
    public String keyId() {
        return keys().key().getKeyID();
    }

    /**
     * Answers a token request ({@code application/x-www-form-urlencoded} fields) for the tenant segment of
     * its URL: {@code grant_type} {@code client_credentials} (with {@code client_secret}) or {@code password}
     * (with {@code username} and {@code password}; {@code client_secret} too unless the app has none, a
     * public client). The texts are Entra's.
     */
    public CompletionStage<TokenResult> token(String tenant, Map<String, String> form, PasswordCheck passwords) {
        Directory d = directory.get();
        if (!isTenant(tenant)) {
            return done(new TokenResult.Error(400, "invalid_request", 90002, "Tenant '" + tenant
                    + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."));
        }
        Optional<TokenResult.Error> missing = missing(form, "grant_type", "client_id");
        if (missing.isPresent()) {
            return done(missing.get());
        }
        String grant = form.get("grant_type");
        if (!grant.equals("client_credentials") && !grant.equals("password")) {
            return done(new TokenResult.Error(400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + grant + "'."));
        }
        String clientId = form.get("client_id").strip();
        Optional<AppRegistration> app;
        try {
            app = d.app(clientId);
        } catch (IllegalArgumentException e) {
            app = Optional.empty();
        }
        if (app.isEmpty()) {
            return done(new TokenResult.Error(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + d.organization().name() + "'. This can happen if the application has not been"
                    + " installed by the administrator of the tenant or consented to by any user in the tenant."));
        }
        Optional<TokenResult.Error> client = authenticate(app.get(), form, grant.equals("client_credentials"));
        if (client.isPresent()) {
            return done(client.get());
        }
        if (!form.containsKey("scope") || form.get("scope").isBlank()) {
            return done(missingParameter("scope"));
        }
        Scope scope;
        try {
            scope = Scope.parse(form.get("scope"));
        } catch (IllegalArgumentException e) {
            return done(new TokenResult.Error(400, "invalid_scope", 70011, e.getMessage()));
        }
        if (grant.equals("client_credentials")) {
            if (!scope.isDefault()) {
                return done(new TokenResult.Error(400, "invalid_scope", 1002012, "The provided value for scope " + form.get("scope").strip()
                        + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."));
            }
            Set<String> roles = new TreeSet<>(ROLES.get(scope.resource()));
            roles.retainAll(app.get().permissions());
            return done(issue(app.get(), scope.resource(), app.get().objectId(), Optional.empty(), Optional.empty(), Set.of(), roles));
        }
        Optional<TokenResult.Error> user = missing(form, "username", "password");
        if (user.isPresent()) {
            return done(user.get());
        }
        Set<String> granted = new TreeSet<>(DELEGATED.get(scope.resource()));
        granted.retainAll(app.get().permissions());
        if (!scope.isDefault() && !granted.containsAll(scope.names())) {
            return done(new TokenResult.Error(400, "invalid_grant", 65001, "The user or administrator has not consented to use the application with ID '"
                    + app.get().appId() + "' named '" + app.get().displayName() + "'. Send an interactive authorization request for this user and resource."));
        }
        Set<String> scopes = scope.isDefault() ? granted : new TreeSet<>(scope.names());
        AppRegistration a = app.get();
        return passwords.check(form.get("username"), form.get("password")).thenApply(account -> account
                .<TokenResult>map(r -> issue(a, scope.resource(), r.id().toString(),
                        r.account().map(x -> x.userPrincipalName()), Optional.of(r.displayName()), scopes, Set.of()))
                .orElseGet(() -> new TokenResult.Error(400, "invalid_grant", 50126,
                        "Error validating credentials due to invalid username or password.")));
    }

    /** A confidential client proves its secret; an app without a secret is a public client and may use the password grant only. */
    private static Optional<TokenResult.Error> authenticate(AppRegistration app, Map<String, String> form, boolean clientCredentials) {
        String given = form.get("client_secret");
        if (given == null || given.isEmpty()) {
            if (app.clientSecret().isEmpty() && !clientCredentials) {
                return Optional.empty();
            }
            return Optional.of(new TokenResult.Error(401, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."));
        }
        if (app.clientSecret().map(s -> s.matches(given)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new TokenResult.Error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent"
                + " in the request is the client secret value, not the client secret ID, for a secret added to app '" + app.appId() + "'."));
    }

    private static Optional<TokenResult.Error> missing(Map<String, String> form, String... names) {
        for (String n : names) {
            if (!form.containsKey(n) || form.get(n).isEmpty()) {
                return Optional.of(missingParameter(n));
            }
        }
        return Optional.empty();
    }

    private static TokenResult.Error missingParameter(String name) {
        return new TokenResult.Error(400, "invalid_request", 900144, "The request body must contain the following parameter: '" + name + "'.");
    }

    private TokenResult issue(AppRegistration app, String resource, String objectId, Optional<String> upn, Optional<String> name,
                              Set<String> scopes, Set<String> roles) {
        Instant now = clock.instant();
        String token = sign(new Claims(resource, tenantId(), app.appId(), objectId, upn, name, scopes, roles, now, now.plus(lifetime)));
        String scope = scopes.isEmpty() && roles.isEmpty() ? resource + "/.default"
                : String.join(" ", (scopes.isEmpty() ? roles : scopes).stream().map(s -> resource + "/" + s).toList());
        return new TokenResult.Issued(token, scope, lifetime.toSeconds());
    }

    /**
     * What a token says; {@link #sign} makes one without any grant (tests use it for an expired or
     * wrong-audience token, and the platform's own grants use it).
     */
    public record Claims(String audience, String tenantId, String appId, String objectId, Optional<String> upn,
                         Optional<String> name, Set<String> scopes, Set<String> roles, Instant issuedAt, Instant expires) {
    }

    /** Signs claims with this platform's key. */
    public String sign(Claims c) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .audience(c.audience())
                .issuer("https://sts.windows.net/" + c.tenantId() + "/")
                .issueTime(Date.from(c.issuedAt()))
                .notBeforeTime(Date.from(c.issuedAt()))
                .expirationTime(Date.from(c.expires()))
                .subject(c.objectId())
                .jwtID(UUID.randomUUID().toString())
                .claim("ver", "1.0")
                .claim("tid", c.tenantId())
                .claim("appid", c.appId())
                .claim("appidacr", "1")
                .claim("oid", c.objectId());
        c.upn().ifPresent(u -> b.claim("upn", u).claim("unique_name", u));
        c.name().ifPresent(n -> b.claim("name", n));
        if (!c.scopes().isEmpty()) {
            b.claim("scp", String.join(" ", new TreeSet<>(c.scopes())));
        }
        if (c.upn().isEmpty()) {
            b.claim("idtyp", "app");
            if (!c.roles().isEmpty()) {
                b.claim("roles", List.copyOf(new TreeSet<>(c.roles())));
            }
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keys().key().getKeyID()).build(), b.build());
        try {
            jwt.sign(keys().signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("can't sign a token", e);
        }
        return jwt.serialize();
    }

    @Override
    public Verified verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalid("the token is not a signed JWT: " + e.getMessage());
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            // Checked before the signature: "none" and HS256 with the public key as secret are the classic forgeries.
            return invalid("the token is signed with " + jwt.getHeader().getAlgorithm() + ", not RS256");
        }
        if (!keys().key().getKeyID().equals(jwt.getHeader().getKeyID())) {
            return invalid("the token names key '" + jwt.getHeader().getKeyID() + "', which is not this tenant's (JWKS)");
        }
        try {
            if (!jwt.verify(keys().verifier())) {
                return invalid("the token's signature does not verify with the tenant's key (forged or altered)");
            }
        } catch (JOSEException e) {
            return invalid("the token's signature can't be checked: " + e.getMessage());
        }
        try {
            String tid = claims.getStringClaim("tid");
            if (!tenantId().equals(tid) || !issuer().equals(claims.getIssuer())) {
                return invalid("the token is from tenant " + tid + " (issuer " + claims.getIssuer() + "), not " + tenantId());
            }
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant())) {
                return new Invalid(SignInDecision.Reason.TOKEN_EXPIRED, "the token expired at "
                        + (claims.getExpirationTime() == null ? "?" : claims.getExpirationTime().toInstant()) + " (now " + now + ")");
            }
            if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
                return new Invalid(SignInDecision.Reason.TOKEN_EXPIRED, "the token is not valid before " + claims.getNotBeforeTime().toInstant());
            }
            List<String> aud = claims.getAudience();
            String oid = claims.getStringClaim("oid");
            String appId = claims.getStringClaim("appid");
            if (aud.size() != 1 || oid == null || appId == null) {
                return invalid("the token lacks aud, oid or appid");
            }
            Set<String> scopes = new LinkedHashSet<>();
            String scp = claims.getStringClaim("scp");
            if (scp != null) {
                scopes.addAll(List.of(scp.strip().split("\\s+")));
            }
            List<String> roles = claims.getStringListClaim("roles");
            return new Valid(new AccessToken(tid, aud.get(0), appId, oid, Optional.ofNullable(claims.getStringClaim("upn")),
                    scopes, roles == null ? Set.of() : Set.copyOf(roles), claims.getExpirationTime().toInstant()));
        } catch (ParseException e) {
            return invalid("a claim of the token has the wrong type: " + e.getMessage());
        }
    }

    /** OpenID Connect discovery (v2.0 shape) for {@code base}, e.g. {@code http://127.0.0.1:8025}. */
    public Map<String, Object> openIdConfiguration(String base) {
        String t = tenantId();
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("token_endpoint", base + "/" + t + "/oauth2/v2.0/token");
        m.put("token_endpoint_auth_methods_supported", List.of("client_secret_post"));
        m.put("jwks_uri", base + "/" + t + "/discovery/v2.0/keys");
        m.put("response_types_supported", List.of("token"));
        m.put("subject_types_supported", List.of("pairwise"));
        m.put("id_token_signing_alg_values_supported", List.of("RS256"));
        m.put("grant_types_supported", List.of("client_credentials", "password"));
        m.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        m.put("issuer", base + "/" + t + "/v2.0");
        m.put("tenant_region_scope", "WW");
        m.put("access_token_issuer", issuer());
        return m;
    }

    private static Invalid invalid(String why) {
        return new Invalid(SignInDecision.Reason.TOKEN_INVALID, why);
    }

    private static CompletionStage<TokenResult> done(TokenResult r) {
        return CompletableFuture.completedFuture(r);
    }

    /** A {@code scope} parameter: one resource, and either {@code .default} or named permissions of it. */
    record Scope(String resource, boolean isDefault, Set<String> names) {
        static Scope parse(String text) {
            String resource = null;
            boolean isDefault = false;
            Set<String> names = new TreeSet<>();
            for (String s : text.strip().split("\\s+")) {
                if (OIDC.contains(s.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String res = null;
                String name = s;
                for (Map.Entry<String, String> p : RESOURCE_PREFIXES.entrySet()) {
                    if (s.regionMatches(true, 0, p.getKey(), 0, p.getKey().length())) {
                        res = p.getValue();
                        name = s.substring(p.getKey().length());
                    }
                }
                if (res == null) {
                    // A bare name: Exchange's protocol scopes, or Graph's mail ones.
                    String bare = s;
                    res = DELEGATED.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(bare::equalsIgnoreCase))
                            .map(Map.Entry::getKey).findFirst().orElse(null);
                }
                if (res == null) {
                    throw new IllegalArgumentException("The provided value for the input parameter 'scope' is not valid. The scope " + s + " is not valid.");
                }
                if (resource != null && !resource.equals(res)) {
                    throw new IllegalArgumentException("The provided value for the input parameter 'scope' is not valid because it contains more than one resource. The scope "
                            + text.strip() + " is not valid.");
                }
                resource = res;
                if (name.equals(".default")) {
                    isDefault = true;
                } else {
                    String canonical = canonical(res, name);
                    if (canonical == null) {
                        throw new IllegalArgumentException("The provided value for the input parameter 'scope' is not valid. The scope " + s + " is not valid.");
                    }
                    names.add(canonical);
                }
            }
            if (resource == null) {
                throw new IllegalArgumentException("The provided value for the input parameter 'scope' is not valid. The scope " + text.strip()
                        + " asks for no resource (e.g. https://outlook.office365.com/.default).");
            }
            if (isDefault && !names.isEmpty()) {
                throw new IllegalArgumentException("The provided value for the input parameter 'scope' is not valid. .default can't be combined with other scopes.");
            }
            return new Scope(resource, isDefault, names);
        }

        private static String canonical(String resource, String name) {
            Set<String> all = new java.util.HashSet<>(DELEGATED.get(resource));
            all.addAll(ROLES.get(resource));
            return all.stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
        }
    }
}
