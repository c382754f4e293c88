package dev.behalf.policy.signin;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * One SASL exchange (RFC 4422) of PLAIN (RFC 4616), LOGIN or XOAUTH2, the same for SMTP AUTH, IMAP AUTHENTICATE
 * and POP3 AUTH: feed it the client's responses (the base64 text of one line each), and it answers with
 * the next challenge or, at the end, the {@link Credential}. The protocol adds its own framing ({@code 334 },
 * {@code + }) and handles the client's {@code *} cancel. Not thread-safe: one per exchange.
 *
 * <pre>{@code
 * SaslExchange sasl = SaslExchange.start("PLAIN").orElseThrow();
 * switch (sasl.initial(Optional.of("AGppbWgAUEBzc3cwcmQ="))) {
 *     case SaslExchange.Challenge c -> send("334 " + c.base64());
 *     case SaslExchange.Done d -> signIn.decide(new SignInAttempt(SMTP, peer, d.credential()));
 * }
 * }</pre>
 */
public final class SaslExchange {
    private static final String USERNAME = b64("Username:");
    private static final String PASSWORD = b64("Password:");

    private final Mechanism mechanism;
    private String username;

    private SaslExchange(Mechanism mechanism) {
        this.mechanism = mechanism;
    }

    /** What the server says next. */
    public sealed interface Step {
    }

    /** Send this challenge (base64, possibly empty) and feed the client's answer to {@link #respond}. */
    public record Challenge(String base64) implements Step {
    }

    /** The exchange is over: decide this credential. */
    public record Done(Credential credential) implements Step {
    }

    /** An exchange of {@code PLAIN}, {@code LOGIN} or {@code XOAUTH2} (any case); empty for any other mechanism. */
    public static Optional<SaslExchange> start(String mechanism) {
        return switch (mechanism.toUpperCase(Locale.ROOT)) {
            case "PLAIN" -> Optional.of(new SaslExchange(Mechanism.PLAIN));
            case "LOGIN" -> Optional.of(new SaslExchange(Mechanism.LOGIN));
            case "XOAUTH2" -> Optional.of(new SaslExchange(Mechanism.XOAUTH2));
            default -> Optional.empty();
        };
    }

    public Mechanism mechanism() {
        return mechanism;
    }

    /** The first step, given the initial response if the command carried one ({@code =} is an empty one, RFC 4954 §4). */
    public Step initial(Optional<String> initialResponse) {
        if (initialResponse.isEmpty()) {
            return new Challenge(mechanism == Mechanism.LOGIN ? USERNAME : "");
        }
        return respond(initialResponse.get());
    }

    /** The next step after the client's response line. */
    public Step respond(String response) {
        String text = "=".equals(response.strip()) ? "" : response.strip();
        if (mechanism == Mechanism.PLAIN) {
            return new Done(plain(text));
        }
        if (mechanism == Mechanism.XOAUTH2) {
            return new Done(xoauth2(text));
        }
        byte[] bytes = base64(text);
        if (bytes == null) {
            return new Done(new Credential.Unreadable(mechanism, Credential.Flaw.NOT_BASE64));
        }
        Optional<String> value = utf8(bytes);
        if (value.isEmpty()) {
            return new Done(new Credential.Unreadable(mechanism, Credential.Flaw.NOT_UTF8));
        }
        if (username == null) {
            username = value.get();
            return new Challenge(PASSWORD);
        }
        return new Done(new Credential.Password(Mechanism.LOGIN, username, value.get()));
    }

    /** A whole SASL PLAIN response (base64 of {@code [authzid] NUL authcid NUL passwd}), decoded strictly. */
    public static Credential plain(String base64) {
        byte[] bytes = base64(base64.strip());
        if (bytes == null) {
            return new Credential.Unreadable(Mechanism.PLAIN, Credential.Flaw.NOT_BASE64);
        }
        int first = indexOfNul(bytes, 0);
        int second = first < 0 ? -1 : indexOfNul(bytes, first + 1);
        if (second < 0) {
            return new Credential.Unreadable(Mechanism.PLAIN, Credential.Flaw.NOT_SASL_PLAIN);
        }
        if (indexOfNul(bytes, second + 1) >= 0) {
            return new Credential.Unreadable(Mechanism.PLAIN, Credential.Flaw.NUL_IN_PASSWORD);
        }
        Optional<String> text = utf8(bytes);
        if (text.isEmpty()) {
            return new Credential.Unreadable(Mechanism.PLAIN, Credential.Flaw.NOT_UTF8);
        }
        // NUL is one byte in UTF-8 and never part of another character, so byte and char positions of the
        // separators split the same way.
        String[] parts = text.get().split("\u0000", -1);
        if (parts[1].isEmpty()) {
            return new Credential.Unreadable(Mechanism.PLAIN, Credential.Flaw.EMPTY_LOGIN);
        }
        return new Credential.Plain(parts[0], parts[1], parts[2]);
    }

    /**
     * A whole XOAUTH2 response: base64 of {@code user=} the mailbox {@code ^A auth=Bearer } the token
     * {@code ^A^A} (Microsoft's and Google's format). The key names are case-insensitive, as Exchange reads them;
     * the scheme {@code Bearer} too (RFC 6750 §2.1 follows RFC 7235's case-insensitive schemes).
     */
    public static Credential xoauth2(String base64) {
        byte[] bytes = base64(base64.strip());
        if (bytes == null) {
            return new Credential.Unreadable(Mechanism.XOAUTH2, Credential.Flaw.NOT_BASE64);
        }
        Optional<String> text = utf8(bytes);
        if (text.isEmpty()) {
            return new Credential.Unreadable(Mechanism.XOAUTH2, Credential.Flaw.NOT_UTF8);
        }
        String user = null;
        String token = null;
        for (String field : text.get().split("\u0001", -1)) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = field.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = field.substring(eq + 1);
            if (key.equals("user") && user == null) {
                user = value;
            } else if (key.equals("auth") && token == null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = value.substring(7).strip();
            }
        }
        if (user == null || token == null || token.isEmpty()) {
            return new Credential.Unreadable(Mechanism.XOAUTH2, Credential.Flaw.NOT_XOAUTH2);
        }
        if (user.isBlank()) {
            return new Credential.Unreadable(Mechanism.XOAUTH2, Credential.Flaw.EMPTY_LOGIN);
        }
        return new Credential.Bearer(Mechanism.XOAUTH2, Optional.of(user.strip()), token);
    }

    /** Decodes bytes as UTF-8, refusing malformed input rather than replacing it. */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }
}
