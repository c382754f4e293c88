package dev.behalf.gateway.http;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.audit.Surface;
import dev.behalf.gateway.smtp.MessageSubmission;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.identity.Resolution;
import dev.behalf.policy.signin.AccessToken;
import dev.behalf.policy.signin.Credential;
import dev.behalf.policy.signin.Mechanism;
import dev.behalf.policy.signin.SignIn;
import dev.behalf.policy.signin.SignInAttempt;
import dev.behalf.policy.signin.SignInDecision;
import dev.behalf.policy.signin.SignInSurface;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Microsoft Graph's {@code POST /v1.0/users/{id|upn}/sendMail} and {@code POST /v1.0/me/sendMail}: a bearer
 * token from the identity platform, signed in by the one {@link SignIn} (surface GRAPH), and the JSON message
 * built into MIME ({@link GraphMessage}) and submitted through SMTP's pipeline ({@link MessageSubmission}),
 * so the same policy decides and records. Answers as Graph does: 202 with no body, or its error JSON.
 *
 * <p>Access: {@link Access#CREDENTIALED}, never the admin token: the request is authorized by its own
 * {@code Authorization: Bearer} header, which no page on another site can send without a preflight this
 * server never grants; the Origin and Sec-Fetch-Site rules still apply.
 */
public final class GraphRoutes {
    static final String SEND_AS_DENIED = "The user account which was used to submit this request does not have the right to "
            + "send mail on behalf of the specified sending account., Cannot submit message.";

    private final LiveDirectory directory;
    private final SignIn signIn;
    private final MessageSubmission submissions;

    public GraphRoutes(LiveDirectory directory, SignIn signIn, MessageSubmission submissions) {
        this.directory = directory;
        this.signIn = signIn;
        this.submissions = submissions;
    }

    public Router install(Router router) {
        return router
                .credentialedPost("/v1.0/users/{user}/sendMail", r -> sendMail(r, Optional.of(r.param("user"))))
                .credentialedPost("/v1.0/me/sendMail", r -> sendMail(r, Optional.empty()));
    }

    private Response sendMail(Request r, Optional<String> user) {
        String header = r.headers().get(HttpHeaderNames.AUTHORIZATION, "").strip();
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (token.isEmpty()) {
            return error(HttpResponseStatus.UNAUTHORIZED, "InvalidAuthenticationToken", "Access token is empty.");
        }
        return new Response.Deferred(signIn.decideLater(new SignInAttempt(SignInSurface.GRAPH, r.client(),
                        new Credential.Bearer(Mechanism.BEARER, user, token)))
                .thenApply(d -> d instanceof SignInDecision.Accepted a ? send(r, a) : refused(user, (SignInDecision.Refused) d)));
    }

    private Response.Full refused(Optional<String> user, SignInDecision.Refused refused) {
        return switch (refused.reason()) {
            case TOKEN_EXPIRED -> error(HttpResponseStatus.UNAUTHORIZED, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
            case TOKEN_WRONG_AUDIENCE -> error(HttpResponseStatus.UNAUTHORIZED, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
            case TOKEN_MISSING_SCOPE -> error(HttpResponseStatus.FORBIDDEN, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            case TOKEN_WRONG_USER -> {
                if (user.isEmpty()) {
                    yield error(HttpResponseStatus.BAD_REQUEST, "BadRequest", "/me request is only valid with delegated authentication flow.");
                }
                if (!(directory.inForce().resolve(user.get()) instanceof Resolution.Found)) {
                    yield error(HttpResponseStatus.NOT_FOUND, "ErrorInvalidUser", "The requested user '" + user.get() + "' is invalid.");
                }
                yield error(HttpResponseStatus.FORBIDDEN, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            }
            default -> error(HttpResponseStatus.UNAUTHORIZED, "InvalidAuthenticationToken", "Access token validation failure.");
        };
    }

    private Response.Full send(Request r, SignInDecision.Accepted signedIn) {
        GraphMessage message;
        try {
            message = GraphMessage.read(r.body());
        } catch (GraphMessage.Invalid e) {
            return error(HttpResponseStatus.BAD_REQUEST, e.code(), e.getMessage());
        }
        Directory d = directory.inForce();
        Recipient account = signedIn.account();
        Recipient mailbox = signedIn.mailbox();
        // Exchange writes a directory object's display name when the request gives none.
        GraphMessage.Mailbox from = message.from().map(m -> named(d, m))
                .orElseGet(() -> new GraphMessage.Mailbox(Optional.of(mailbox.displayName()), address(mailbox)));
        Optional<GraphMessage.Mailbox> sender = message.sender().map(m -> named(d, m));
        AccessToken token = signedIn.token().orElseThrow(() -> new IllegalStateException("a Graph sign-in without its token"));
        boolean others = !mailbox.id().equals(account.id()) || !isOwn(d, account, from.address())
                || message.sender().map(s -> !isOwn(d, account, s.address())).orElse(false);
        String login = token.upn().orElse("app " + token.appId());
        byte[] mime;
        try {
            mime = message.mime(from, sender);
        } catch (GraphMessage.Invalid e) {
            return error(HttpResponseStatus.BAD_REQUEST, e.code(), e.getMessage());
        }
        // Graph saves the copy in the Sent Items of the mailbox the request is for (/me: the user's); the
        // MessageCopyForSentAsEnabled / ForSendOnBehalfEnabled copies follow as they do for SMTP.
        MessageSubmission.Request submission = new MessageSubmission.Request(account.id(), login, new InetSocketAddress(r.client(), 0),
                from.address().toString(), message.envelope(), mime, Surface.GRAPH,
                message.saveToSentItems() ? Optional.of(mailbox.id()) : Optional.empty());
        if (others && !token.sendsFromOthers()) {
            // Graph: "applications that use user tokens use the Mail.Send.Shared permission" to send from another.
            submissions.deny(submission, "the token of " + login + " has scopes " + new TreeSet<>(token.scopes()) + "; sending from "
                    + (mailbox.id().equals(account.id()) ? from.address().toString() : mailbox.name()) + " needs " + AccessToken.MAIL_SEND_SHARED);
            return error(HttpResponseStatus.FORBIDDEN, "ErrorSendAsDenied", SEND_AS_DENIED);
        }
        return answer(submissions.submit(submission));
    }

    /** Graph's answer to what the pipeline decided. */
    private static Response.Full answer(DecisionRecord record) {
        if (record.accepted()) {
            return new Response.Full(HttpResponseStatus.ACCEPTED, "text/plain; charset=utf-8", new byte[0], requestIds());
        }
        if (record.outcome().equals("Denied")) {
            return error(HttpResponseStatus.FORBIDDEN, "ErrorSendAsDenied", SEND_AS_DENIED);
        }
        if (record.outcome().equals("Fault") && record.reply().startsWith("4")) {
            // A fault rule's transient reply (server busy, a concurrency limit) is throttling to a Graph client.
            Response.Full throttled = error(HttpResponseStatus.TOO_MANY_REQUESTS, "ApplicationThrottled", record.reply());
            Map<String, String> headers = new LinkedHashMap<>(throttled.headers());
            headers.put("Retry-After", "1");
            return new Response.Full(throttled.status(), throttled.contentType(), throttled.body(), headers);
        }
        if (record.reply().startsWith("4")) {
            return error(HttpResponseStatus.SERVICE_UNAVAILABLE, "ErrorInternalServerTransientError", record.reply());
        }
        return error(HttpResponseStatus.BAD_REQUEST, "ErrorInvalidRequest",
                "The message can't be submitted: " + String.join("; ", record.because()) + " (" + record.reply() + ")");
    }

    private static GraphMessage.Mailbox named(Directory d, GraphMessage.Mailbox m) {
        if (m.name().filter(n -> !n.isBlank()).isPresent()) {
            return m;
        }
        return d.byAddress(m.address()).map(r -> new GraphMessage.Mailbox(Optional.of(r.displayName()), m.address())).orElse(m);
    }

    private static boolean isOwn(Directory d, Recipient account, SmtpAddress address) {
        return d.byAddress(address).map(r -> r.id().equals(account.id())).orElse(false);
    }

    private static SmtpAddress address(Recipient r) {
        return r.primarySmtpAddress().orElseGet(() -> SmtpAddress.parse(r.account().orElseThrow().userPrincipalName()));
    }

    private static Map<String, String> requestIds() {
        String id = UUID.randomUUID().toString();
        return Map.of("request-id", id, "client-request-id", id);
    }

    /** Graph's error JSON: {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}. */
    static Response.Full error(HttpResponseStatus status, String code, String message) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        inner.put("request-id", id);
        inner.put("client-request-id", id);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("innerError", inner);
        Map<String, String> headers = status.equals(HttpResponseStatus.UNAUTHORIZED)
                ? Map.of("WWW-Authenticate", "Bearer realm=\"\"", "request-id", id) : Map.of("request-id", id);
        return new Response.Full(status, "application/json; charset=utf-8",
                Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8), headers);
    }
}
